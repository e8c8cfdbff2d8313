import { describe, expect, it } from "vitest";

import { ParticipantRole, VisitStatus } from "@/generated/prisma/enums";
import { parseMeetingEvent } from "@/lib/zoom/webhook/meeting-events";
import { zoomWebhookEnvelopeSchema } from "@/lib/zoom/webhook/schemas";
import { verifyZoomSignature } from "@/lib/zoom/webhook/verify-signature";

import { createSeededRandom } from "./seeded-random";
import {
  type CastMember,
  expectedVisitState,
  generateVisitScript,
  isParticipantEventName,
  MEETING_ENDED,
  type MeetingRef,
  toEnvelope,
} from "./visit-scripts";
import { serializeEnvelope, signedDelivery, signZoomBody } from "./zoom-deliveries";

const meeting: MeetingRef = {
  accountId: "acc-reliability",
  meetingId: "84100000007",
  meetingUuid: "4444AAAiAAAAAiAiAiiAii==",
  hostId: "zoom-host-0",
};

const member = (
  userId: string,
  role: ParticipantRole,
  identifiedBy: CastMember["identifiedBy"],
): CastMember => ({
  userId,
  role,
  name: `Person ${userId.slice(0, 4)}`,
  email: `${userId.slice(0, 8)}@carevisit.test`,
  identifiedBy,
  zoomUserId: role === ParticipantRole.PROVIDER ? meeting.hostId : "",
  participantUuid: `uuid-${userId.slice(0, 8)}`,
});

const members = [
  member("0198a0b2-1c3d-7e4f-8a9b-0c1d2e3f4a01", ParticipantRole.PATIENT, "email"),
  member("0198a0b2-1c3d-7e4f-8a9b-0c1d2e3f4a02", ParticipantRole.PROVIDER, "customer_key"),
  member("0198a0b2-1c3d-7e4f-8a9b-0c1d2e3f4a03", ParticipantRole.STAFF, "email"),
];

const T0 = Date.UTC(2026, 2, 2, 14);

const script = (seed: number, size = 80) =>
  generateVisitScript(createSeededRandom(seed), {
    startsAt: T0,
    size,
    members,
    providerIndex: 1,
  });

describe("createSeededRandom", () => {
  it("repeats itself for a seed and stays within bounds", () => {
    const draw = (seed: number) => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 200 }, () => random.int(-3, 3));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(new Set(draw(7))).toEqual(new Set([-3, -2, -1, 0, 1, 2, 3]));
  });

  it("shuffles into a permutation", () => {
    const items = Array.from({ length: 100 }, (_, index) => index);
    const shuffled = createSeededRandom(1).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});

describe("generateVisitScript", () => {
  it("is the same for the same seed, with strictly increasing times", () => {
    expect(script(42)).toEqual(script(42));
    for (const seed of [1, 2, 3, 4, 5]) {
      const events = script(seed);
      expect(events.length).toBeGreaterThanOrEqual(80);
      expect(events.length).toBeLessThanOrEqual(80 + 2 * members.length + 2);
      for (let i = 1; i < events.length; i++)
        expect(events[i]?.at).toBeGreaterThan(events[i - 1]?.at ?? Infinity);
    }
  });

  it("makes bodies that the app's own parser reads with the intended event time", () => {
    for (const scripted of script(9)) {
      const envelope = zoomWebhookEnvelopeSchema.parse(
        JSON.parse(serializeEnvelope(toEnvelope(meeting, scripted), true)),
      );
      const parsed = parseMeetingEvent(envelope);
      expect(parsed.success).toBe(true);
      if (!parsed.success) continue;
      expect(parsed.data.meetingId).toBe(84_100_000_007n);
      if (parsed.data.type === "participant") {
        expect(isParticipantEventName(scripted.event)).toBe(true);
        expect(parsed.data.occurredAt).toEqual(new Date(scripted.at));
      }
    }
  });

  it("describes visits of every kind over many seeds", () => {
    const statuses = new Set<VisitStatus>();
    let restarts = 0;
    for (let seed = 0; seed < 100; seed++) {
      const events = script(seed, 100);
      statuses.add(expectedVisitState(events).status);
      if (events.filter((event) => event.event === MEETING_ENDED).length > 1) restarts++;
    }
    expect(statuses).toEqual(new Set([VisitStatus.ENDED, VisitStatus.IN_PROGRESS]));
    expect(restarts).toBeGreaterThan(0);
  });
});

describe("signZoomBody", () => {
  it("matches the test vector in zoom-webhooks.md#known-answer and the app's check", () => {
    const body =
      '{"event":"endpoint.url_validation","payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1700000000123}';
    expect(signZoomBody("emulator-webhook-secret", "1700000000", body)).toBe(
      "v0=3c63340ea4c076e5320896df7a0f90842ff39afa1cedd2ae1ef65608663d9a39",
    );
    const delivery = signedDelivery(body, { secret: "s3cret", now: new Date(T0) });
    expect(
      verifyZoomSignature({
        rawBody: delivery.rawBody,
        timestamp: delivery.headers.get("x-zm-request-timestamp"),
        signature: delivery.headers.get("x-zm-signature"),
        secret: "s3cret",
        nowMs: T0,
      }),
    ).toEqual({ isValid: true });
  });
});
