import { readFileSync } from "node:fs";
import path from "node:path";

import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Prisma } from "@/generated/prisma/client";
import { NotificationOutcome, NotificationSource, ParticipantRole } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { handleZoomWebhook } from "@/lib/zoom/webhook/handle-zoom-webhook";
import { buildWebhookLedgerPayload } from "@/lib/zoom/webhook/ledger-payload";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { TEST_ZOOM_WEBHOOK_SECRET } from "@/tests/support/zoom-emulator-process";

import { createSeededRandom } from "./seeded-random";
import { createMeetingVisits, type MeetingVisit } from "./visit-fixtures";
import { type CastMember, generateVisitScript, toEnvelope } from "./visit-scripts";
import { serializeEnvelope, signedDelivery, type ZoomEnvelope } from "./zoom-deliveries";

// Issue 17, finding 9 (its webhook part): the inbound ledger kept Zoom's payloads as received,
// with participants' names and emails. Realistic generated meetings (patients, providers, staff
// and guests, with Zoom's extra fields and some personal data where Zoom may put it) are delivered
// through the webhook handler: no stored payload may hold a name, an email, a phone number or a
// topic, each keeps exactly the ids and times the ledger needs, and the attendance log still has
// the guests' display names. The migration must do the same to rows stored before.

const context = withZoomEmulator();

const SEED = 20_261_209;
const NOW = new Date();
const MIGRATION = "prisma/migrations/20261207010117_ledger_payloads_without_personal_data";

/**
 * The keys a stored payload may have, by level (docs/protocols/zoom-webhooks.md#payloads): ids and
 * times only.
 */
const ALLOWED = {
  top: [
    "account_id",
    "object",
    "user_id",
    "client_id",
    "deauthorization_time",
    "user_data_retention",
  ],
  object: ["id", "uuid", "host_id", "start_time", "end_time", "duration", "participant"],
  participant: [
    "id",
    "user_id",
    "participant_uuid",
    "participant_user_id",
    "customer_key",
    "registrant_id",
    "join_time",
    "leave_time",
    "date_time",
  ],
};

let organizationId: string;
let visits: MeetingVisit[];
/** Every name, email, phone number and topic the deliveries carried. */
const personal = new Set<string>();

type Extra = { topic?: string; phone?: string; operator?: string };

/** What Zoom may add besides the participant's name and email: a topic, a phone, an operator. */
function withExtras(envelope: ZoomEnvelope, extra: Extra): ZoomEnvelope {
  const copy = structuredClone(envelope) as ZoomEnvelope & {
    payload: { object: Record<string, unknown> & { participant?: Record<string, unknown> } };
  };
  if (extra.topic) copy.payload.object.topic = extra.topic;
  if (extra.phone && copy.payload.object.participant)
    copy.payload.object.participant.phone_number = extra.phone;
  if (extra.operator) (copy.payload as Record<string, unknown>).operator = extra.operator;
  return copy;
}

const extras = fc.record(
  {
    topic: fc.string({ minLength: 3, maxLength: 20 }).map((name) => `Visit with ${name}`),
    phone: fc
      .string({ unit: fc.constantFrom(..."0123456789"), minLength: 7, maxLength: 7 })
      .map((digits) => `+1 555 ${digits}`),
    operator: fc.emailAddress(),
  },
  { requiredKeys: [] },
);

async function deliver(envelope: ZoomEnvelope) {
  return handleZoomWebhook(
    signedDelivery(serializeEnvelope(envelope), { secret: TEST_ZOOM_WEBHOOK_SECRET, now: NOW }),
  );
}

const storedWebhooks = () =>
  db.inboundNotification.findMany({
    where: { organizationId, source: NotificationSource.ZOOM_WEBHOOK },
    select: { eventType: true, payload: true },
  });

/** The names of keys outside the allow-list, as "level.key". */
function keysOutsideAllowList(payload: unknown): string[] {
  const outside: string[] = [];
  const top = payload as Record<string, unknown>;
  for (const key of Object.keys(top)) if (!ALLOWED.top.includes(key)) outside.push(`top.${key}`);
  const object = (top.object ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(object))
    if (!ALLOWED.object.includes(key)) outside.push(`object.${key}`);
  const participant = (object.participant ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(participant))
    if (!ALLOWED.participant.includes(key)) outside.push(`participant.${key}`);
  return outside;
}

const personalIn = (payload: unknown) => {
  const text = JSON.stringify(payload).toLowerCase();
  return [...personal].filter((value) => text.includes(value.toLowerCase()));
};

let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const random = createSeededRandom(SEED);
  const clinic = await createLinkedClinic(context.zoom);
  organizationId = clinic.organization.id;
  visits = await createMeetingVisits({
    organizationId,
    zoomAccountId: clinic.account.id,
    staff: clinic.admin,
    count: 6,
    random,
  });
  for (const [index, visit] of visits.entries()) {
    const guest: CastMember = {
      userId: "",
      role: ParticipantRole.UNKNOWN,
      name: `Guest ${random.hex(6)} Relative`,
      email: `guest-${random.hex(8)}@family.example`,
      identifiedBy: "email",
      zoomUserId: "",
      participantUuid: [8, 4, 4, 4, 12].map((length) => random.hex(length)).join("-"),
    };
    visit.members.push(guest);
    for (const member of visit.members) personal.add(member.name).add(member.email);
    const script = generateVisitScript(random, {
      startsAt: NOW.getTime() - (index + 2) * 3_600_000,
      size: 14,
      members: visit.members,
      providerIndex: visit.providerIndex,
    });
    const added = fc.sample(extras, { seed: SEED + index, numRuns: script.length });
    for (const [at, scripted] of script.entries()) {
      const extra = added[at] ?? {};
      for (const value of Object.values(extra)) personal.add(value);
      const answer = await deliver(withExtras(toEnvelope(visit.meeting, scripted), extra));
      expect(answer.status).toBe(200);
    }
  }
});

afterAll(() => admin.end());

describe("the inbound ledger's webhook payloads", () => {
  it("keep ids and times, and no name, email, phone number or topic", async () => {
    const stored = await storedWebhooks();
    expect(stored.length).toBeGreaterThan(60);
    const wrong = stored.flatMap(({ eventType, payload }) => {
      const outside = keysOutsideAllowList(payload);
      const found = personalIn(payload);
      return outside.length + found.length > 0 ? [{ eventType, outside, found }] : [];
    });
    expect(wrong).toEqual([]);
    // What the ledger needs is still there: the account, the meeting and the participant.
    for (const { eventType, payload } of stored) {
      const object = (payload as { object?: { id?: string; participant?: object } }).object;
      expect(object?.id, eventType).toMatch(/^\d+$/);
      if (eventType.startsWith("meeting.participant_"))
        expect(object?.participant, eventType).toHaveProperty("participant_uuid");
    }
  });

  it("leave the attendance log its display names (the guests are known only by them)", async () => {
    const guests = visits.map((visit) => visit.members.at(-1)!);
    const attendances = await db.attendance.findMany({
      where: { visitId: { in: visits.map((visit) => visit.id) }, role: ParticipantRole.UNKNOWN },
      select: { displayName: true },
    });
    const names = new Set(attendances.map((row) => row.displayName));
    const seen = guests.filter((guest) => names.has(guest.name));
    expect(seen.length).toBeGreaterThan(0);
    expect([...names].every((name) => guests.some((guest) => guest.name === name))).toBe(true);
  });

  it("are cut to the same allow-list by the migration, for rows stored before", async () => {
    const raw = visits.flatMap((visit, index) =>
      fc.sample(extras, { seed: SEED + 100 + index, numRuns: 5 }).map((extra, at) =>
        withExtras(
          toEnvelope(visit.meeting, {
            event: at % 2 ? "meeting.participant_joined" : "meeting.participant_left",
            at: NOW.getTime() - at * 1_000,
            member: visit.members[at % visit.members.length] ?? null,
          }),
          extra,
        ),
      ),
    );
    const reportRow = {
      id: "zoom-user-1",
      name: "Report Person Name",
      user_id: "16778240",
      user_email: "report.person@clinic.example",
      join_time: NOW.toISOString(),
      leave_time: NOW.toISOString(),
    };
    personal.add(reportRow.name).add(reportRow.user_email);
    const legacy = await db.inboundNotification.createManyAndReturn({
      data: [
        ...raw.map((envelope, index) => ({
          source: NotificationSource.ZOOM_WEBHOOK,
          dedupeKey: `legacy:${SEED}:${index}`,
          eventType: envelope.event,
          eventAt: new Date(envelope.event_ts),
          organizationId,
          outcome: NotificationOutcome.APPLIED,
          payload: envelope.payload as Prisma.InputJsonObject,
        })),
        {
          source: NotificationSource.ZOOM_REPORT,
          dedupeKey: `legacy:${SEED}:report`,
          eventType: "report.participant_joined",
          organizationId,
          outcome: NotificationOutcome.APPLIED,
          payload: reportRow,
        },
      ],
      select: { id: true },
    });
    await admin.query(readFileSync(path.join(MIGRATION, "migration.sql"), "utf8"));
    const migrated = await db.inboundNotification.findMany({
      where: { id: { in: legacy.map((row) => row.id) } },
      orderBy: { id: "asc" },
      select: { payload: true },
    });
    const report = migrated.pop()?.payload;
    expect(migrated.map((row) => row.payload)).toEqual(
      raw.map((envelope) => buildWebhookLedgerPayload(envelope.payload)),
    );
    expect(migrated.flatMap((row) => personalIn(row.payload))).toEqual([]);
    const { name: _name, user_email: _email, ...kept } = reportRow;
    expect(report).toEqual(kept);
  });
});
