import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { TEST_ZOOM_WEBHOOK_SECRET } from "@/tests/support/zoom-emulator-process";
import { handleZoomWebhook } from "@/lib/zoom/webhook/handle-zoom-webhook";

import { type BaseEvents, badZoomDeliveryCategories } from "./bad-zoom-deliveries";
import { createSeededRandom } from "./seeded-random";
import { createMeetingVisits, type MeetingVisit, snapshotVisits } from "./visit-fixtures";
import { generateVisitScript, type ScriptEvent, toEnvelope } from "./visit-scripts";
import { serializeEnvelope, signedDelivery, type ZoomEnvelope } from "./zoom-deliveries";

// Hundreds of generated webhook deliveries that must be refused: tampered or unsigned, replayed,
// malformed, oversized, or valid JSON that is no event we can apply. Each must get the 4xx that
// tells Zoom not to retry (never a 2xx, never a 5xx), and none may leave a trace: no stored
// notification, no participant event, no visit or Zoom connection changed.

const context = withZoomEmulator();

const SEED = 20_261_201;
const NOW = new Date();
const secret = TEST_ZOOM_WEBHOOK_SECRET;

let organizationId: string;
let zoomAccountId: string;
let visits: MeetingVisit[];
let base: BaseEvents;

const post = (envelope: ZoomEnvelope) =>
  handleZoomWebhook(signedDelivery(serializeEnvelope(envelope), { secret, now: NOW }));

/** Everything a delivery could have written. */
async function footprint() {
  return {
    notifications: await db.inboundNotification.count(),
    participantEvents: await db.participantEvent.count(),
    attendances: await db.attendance.count(),
    visits: await snapshotVisits(organizationId),
    connections: await db.zoomConnection.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, removedAt: true, updatedAt: true },
    }),
    deletionRequests: await db.dataDeletionRequest.count(),
  };
}

beforeAll(async () => {
  const random = createSeededRandom(SEED);
  const clinic = await createLinkedClinic(context.zoom);
  organizationId = clinic.organization.id;
  zoomAccountId = clinic.account.id;
  visits = await createMeetingVisits({
    organizationId,
    zoomAccountId,
    staff: clinic.admin,
    count: 3,
    random,
  });
  // The visits have a history before the bad deliveries arrive, so that "unchanged" means something.
  const startsAt = NOW.getTime() - 3 * 3_600_000;
  const histories = visits.map((visit, index) =>
    generateVisitScript(random, {
      startsAt: startsAt + index * 3_600_000,
      size: 12,
      members: visit.members,
      providerIndex: visit.providerIndex,
    }).filter((event) => event.event !== "meeting.ended"),
  );
  for (const [index, visit] of visits.entries())
    for (const scripted of histories[index] ?? [])
      expect((await post(toEnvelope(visit.meeting, scripted))).status).toBe(200);

  // Valid events that have not been sent yet: what each bad delivery is a variation of.
  const later = (visit: MeetingVisit, event: ScriptEvent["event"], minutes: number, who = 0) =>
    toEnvelope(visit.meeting, {
      event,
      at: NOW.getTime() - 60_000 + minutes * 1_000,
      member: visit.members[who] ?? null,
    });
  const [first, second, third] = visits as [MeetingVisit, MeetingVisit, MeetingVisit];
  base = {
    participant: [
      later(first, "meeting.participant_joined_waiting_room", 1),
      later(first, "meeting.participant_admitted", 2),
      later(second, "meeting.participant_joined", 3, 1),
      later(second, "meeting.participant_left", 4),
      later(third, "meeting.participant_put_in_waiting_room", 5),
      later(third, "meeting.participant_left_waiting_room", 6),
    ],
    lifecycle: [later(first, "meeting.started", 7), later(third, "meeting.ended", 8)],
    deauthorization: {
      event: "app_deauthorized",
      event_ts: NOW.getTime() - 1_000,
      payload: {
        account_id: zoomAccountId,
        user_id: "z8yCqqqqRWWT0wPyH2Gx9A",
        signature: "2a41c3138d2187a756c51428f78d192e9b88dcf44dd62d1b081ace4ec2241e0a",
        deauthorization_time: NOW.toISOString(),
        client_id: "carevisit-test-client",
        user_data_retention: "false",
      },
    },
    urlValidation: {
      event: "endpoint.url_validation",
      event_ts: NOW.getTime(),
      payload: { plainToken: "qgg8vlvZRS6UYooatFL8Aw" },
    },
  };
});

describe("bad Zoom webhook deliveries", () => {
  it("are each refused with the right 4xx and a reason, and leave no trace", async () => {
    const before = await footprint();
    const categories = badZoomDeliveryCategories(base, { secret, now: NOW });
    const seen = new Set<string>();
    const wrong: { category: string; label: string; status: number; body: unknown }[] = [];
    const perCategory: Record<string, number> = {};
    for (const [index, category] of categories.entries()) {
      const deliveries = fc.sample(category.arbitrary, {
        seed: SEED + index,
        numRuns: category.runs,
      });
      for (const delivery of deliveries) {
        seen.add(`${JSON.stringify([...delivery.headers])}\n${delivery.rawBody}`);
        const outcome = await handleZoomWebhook(delivery).catch((error: unknown) => ({
          status: -1,
          body: String(error),
        }));
        const message = (outcome.body as { error?: { message?: string } }).error?.message ?? "";
        if (outcome.status !== category.status || !category.message.test(message))
          wrong.push({ category: category.name, label: delivery.label, ...outcome });
        perCategory[category.name] = (perCategory[category.name] ?? 0) + 1;
      }
    }
    console.info(`bad webhooks: ${seen.size} distinct deliveries`, perCategory);
    expect(wrong).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(200);
    expect(await footprint()).toEqual(before);
  });

  // eventAt must be a date PostgreSQL can hold: a time past the year 9999 is refused, not retried
  // in vain by Zoom after a 503.
  it("refuse an event time after the year 9999 with 400", async () => {
    const statuses: number[] = [];
    for (const eventTs of [253_402_300_800_000, 2.6e14, 8_640_000_000_000_001])
      statuses.push((await post({ ...base.lifecycle[0]!, event_ts: eventTs })).status);
    expect(statuses).toEqual([400, 400, 400]);
  });

  // The year 0 is a valid ISO date-time (and JavaScript Date) but not a PostgreSQL timestamp.
  it("refuse a participant time in the year 0 with 400", async () => {
    const envelope = structuredClone(base.participant[2]!);
    const object = (envelope.payload as { object: { participant: Record<string, unknown> } })
      .object;
    object.participant.join_time = "0000-01-01T00:00:00Z";
    expect((await post(envelope)).status).toBe(400);
  });

  it("accept the valid deliveries they were made from (so the changes are what was refused)", async () => {
    const before = await footprint();
    for (const envelope of [...base.participant, ...base.lifecycle])
      expect(await post(envelope)).toEqual({ status: 200, body: { status: "applied" } });
    expect((await post(base.urlValidation)).body).toHaveProperty("encryptedToken");
    expect(await post(base.deauthorization)).toEqual({ status: 200, body: { status: "applied" } });

    const after = await footprint();
    const events = base.participant.length + base.lifecycle.length;
    expect(after.notifications).toBe(before.notifications + events + 1);
    expect(after.participantEvents).toBe(before.participantEvents + base.participant.length);
    expect(after.visits).not.toEqual(before.visits);
    expect(after.connections.map((connection) => connection.status)).toEqual([
      ZoomConnectionStatus.REMOVED,
    ]);
  });
});
