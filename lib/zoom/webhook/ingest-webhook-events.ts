import "server-only";

import {
  NotificationOutcome,
  NotificationSource,
  VisitStatus,
  ZoomConnectionStatus,
} from "@/generated/prisma/enums";
import { type Sql, sqlTime } from "@/lib/db/sql";
import { identifyParticipants } from "@/lib/visits/attendance/identify-participant";
import { recomputeVisitStates } from "@/lib/visits/attendance/recompute-visit-state";
import {
  type IdentifiedParticipantEvent,
  type ParticipantVisit,
  storeParticipantEvents,
} from "@/lib/visits/attendance/record-participant-event";
import { type MeetingEventPayload, participantCluesOf } from "@/lib/zoom/webhook/meeting-events";

// Stores a batch of verified Zoom events and applies the meeting and participant events among
// them to their visits, in one transaction of a fixed number of statements, whatever the batch's
// size: this is what lets the webhook take a thousand events a second (lib/server/group-commit.ts).
// Per event it does what one delivery at a time would: store it once under its dedupe key, find
// its organization (account_id) and visit (meeting id; the newest visit of that meeting), lock
// the visit, identify the participant, store the event, derive the visit's state again.
// @see docs/protocols/zoom-webhooks.md#payloads

export type WebhookEvent = {
  dedupeKey: string;
  eventType: string;
  eventAt: Date;
  receivedAt: Date;
  payload: unknown;
  accountId: string | null;
  /** The parsed meeting or participant event; null for events that are only stored. */
  meeting: MeetingEventPayload | null;
};

export type IngestResult =
  { status: "duplicate" } | { status: "stored"; outcome: NotificationOutcome };

type Placed = {
  organizationId: string | null;
  visit: ParticipantVisit | null;
  outcome: NotificationOutcome;
};

const meetingKey = (organizationId: string, meetingId: bigint | string) =>
  `${organizationId}|${meetingId}`;

type PlaceRow = {
  zoomAccountId: string;
  organizationId: string;
  id: string | null;
  status: VisitStatus | null;
  providerId: string;
  subjectId: string;
  zoomHostId: string | null;
  zoomMeetingId: string;
  subjectUserId: string | null;
  subjectEmail: string | null;
};

/**
 * In one statement: each account's organization (its connection that is not removed) and, locked
 * in id order (see lockVisits), the visit of each meeting in it (the newest, should a meeting id
 * repeat). An organization without any of the meetings comes back once, without a visit.
 */
const PLACE_SQL = `
  WITH "organization" AS (
    SELECT DISTINCT ON ("zoomAccountId") "zoomAccountId", "organizationId"
      FROM "ZoomConnection"
     WHERE "zoomAccountId" = ANY($1::text[]) AND "status" <> $2::"ZoomConnectionStatus"
     ORDER BY "zoomAccountId", "linkedAt" DESC
  ), "meeting" AS (
    SELECT DISTINCT ON (v."organizationId", v."zoomMeetingId") v."id"
      FROM unnest($3::text[], $4::bigint[]) AS m("zoomAccountId", "zoomMeetingId")
      JOIN "organization" AS o USING ("zoomAccountId")
      JOIN "Visit" AS v
        ON v."organizationId" = o."organizationId" AND v."zoomMeetingId" = m."zoomMeetingId"
     ORDER BY v."organizationId", v."zoomMeetingId", v."createdAt" DESC
  ), "locked" AS MATERIALIZED (
    SELECT "id", "status", "organizationId", "providerId", "subjectId", "zoomHostId",
           "zoomMeetingId"
      FROM "Visit" WHERE "id" IN (SELECT "id" FROM "meeting") ORDER BY "id" FOR UPDATE
  )
  SELECT o."zoomAccountId", o."organizationId"::text AS "organizationId", l."id"::text AS "id",
         l."status"::text AS "status", l."providerId"::text AS "providerId",
         l."subjectId"::text AS "subjectId", l."zoomHostId",
         l."zoomMeetingId"::text AS "zoomMeetingId", s."userId"::text AS "subjectUserId",
         s."email" AS "subjectEmail"
    FROM "organization" AS o
    LEFT JOIN "locked" AS l ON l."organizationId" = o."organizationId"
    LEFT JOIN "Subject" AS s ON s."id" = l."subjectId"`;

/** Where each event belongs and what becomes of it; locks the visits it names. */
async function place(sql: Sql, events: WebhookEvent[]): Promise<Placed[]> {
  const meetings = events.flatMap((event) =>
    event.accountId && event.meeting
      ? [{ accountId: event.accountId, meetingId: event.meeting.meetingId.toString() }]
      : [],
  );
  const accountIds = [...new Set(events.flatMap((event) => event.accountId ?? []))];
  const rows =
    accountIds.length === 0
      ? []
      : await sql.query<PlaceRow>(PLACE_SQL, [
          accountIds,
          ZoomConnectionStatus.REMOVED,
          meetings.map((meeting) => meeting.accountId),
          meetings.map((meeting) => meeting.meetingId),
        ]);
  const organizations = new Map<string, string>();
  const visits = new Map<string, ParticipantVisit & { status: VisitStatus }>();
  for (const { zoomAccountId, organizationId, id, status, ...visit } of rows) {
    organizations.set(zoomAccountId, organizationId);
    if (id && status)
      visits.set(meetingKey(organizationId, visit.zoomMeetingId), {
        id,
        status,
        organizationId,
        providerId: visit.providerId,
        subjectId: visit.subjectId,
        zoomHostId: visit.zoomHostId,
        subject: { userId: visit.subjectUserId, email: visit.subjectEmail },
      });
  }
  return events.map((event) => {
    const organizationId = (event.accountId && organizations.get(event.accountId)) || null;
    if (!event.meeting)
      return { organizationId, visit: null, outcome: NotificationOutcome.IGNORED };
    const visit = organizationId
      ? visits.get(meetingKey(organizationId, event.meeting.meetingId))
      : undefined;
    if (!visit) return { organizationId, visit: null, outcome: NotificationOutcome.UNMATCHED };
    return {
      organizationId,
      visit,
      outcome:
        visit.status === VisitStatus.CANCELLED
          ? NotificationOutcome.IGNORED
          : NotificationOutcome.APPLIED,
    };
  });
}

/** Stores the notifications not stored before; returns the new ones' ids by dedupe key. */
async function storeNotifications(
  sql: Sql,
  rows: { event: WebhookEvent; placed: Placed }[],
): Promise<Map<string, bigint>> {
  // In key order, so that two transactions storing the same keys cannot deadlock.
  const sorted = [...rows].sort((a, b) => (a.event.dedupeKey < b.event.dedupeKey ? -1 : 1));
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => sorted.map(pick);
  const stored = await sql.query<{ id: string; dedupeKey: string }>(
    `INSERT INTO "InboundNotification" ("source", "dedupeKey", "eventType", "eventAt", "receivedAt",
       "outcome", "organizationId", "visitId", "payload")
     SELECT $1::"NotificationSource", * FROM unnest($2::text[], $3::text[], $4::timestamp(3)[],
       $5::timestamp(3)[], $6::"NotificationOutcome"[], $7::uuid[], $8::uuid[], $9::jsonb[])
     ON CONFLICT ("dedupeKey") DO NOTHING
     RETURNING "id"::text AS "id", "dedupeKey"`,
    [
      NotificationSource.ZOOM_WEBHOOK,
      column((row) => row.event.dedupeKey),
      column((row) => row.event.eventType),
      column((row) => sqlTime(row.event.eventAt)),
      column((row) => sqlTime(row.event.receivedAt)),
      column((row) => row.placed.outcome),
      column((row) => row.placed.organizationId),
      column((row) => row.placed.visit?.id ?? null),
      column((row) => JSON.stringify(row.event.payload)),
    ],
  );
  return new Map(stored.map((row) => [row.dedupeKey, BigInt(row.id)]));
}

/** Stores and applies the batch; the caller commits. Results are in the events' order. */
export async function ingestWebhookEvents(
  sql: Sql,
  events: WebhookEvent[],
): Promise<IngestResult[]> {
  const firstOfKey = new Map<string, number>();
  events.forEach((event, index) => {
    if (!firstOfKey.has(event.dedupeKey)) firstOfKey.set(event.dedupeKey, index);
  });
  const unique = [...firstOfKey.values()].map((index) => events[index]!);
  const placements = await place(sql, unique);
  const rows = unique.map((event, index) => ({ event, placed: placements[index]! }));
  const notificationIds = await storeNotifications(sql, rows);

  const applied = rows.filter(
    (row) =>
      row.placed.outcome === NotificationOutcome.APPLIED &&
      notificationIds.has(row.event.dedupeKey),
  );
  const participantEvents = applied.flatMap(({ event, placed }) =>
    event.meeting?.type === "participant" && placed.visit
      ? [
          {
            visit: placed.visit,
            notificationId: notificationIds.get(event.dedupeKey)!,
            kind: event.meeting.kind,
            occurredAt: event.meeting.occurredAt,
            clues: participantCluesOf(event.meeting.participant),
          },
        ]
      : [],
  );
  const people = await identifyParticipants(sql, participantEvents);
  await storeParticipantEvents(
    sql,
    participantEvents.map((input, index): IdentifiedParticipantEvent => ({
      ...input,
      person: people[index]!,
    })),
  );
  await recomputeVisitStates(
    sql,
    applied.flatMap((row) => (row.placed.visit ? [row.placed.visit.id] : [])),
  );

  const outcomes = new Map(rows.map((row) => [row.event.dedupeKey, row.placed.outcome]));
  return events.map((event, index) =>
    firstOfKey.get(event.dedupeKey) === index && notificationIds.has(event.dedupeKey)
      ? { status: "stored", outcome: outcomes.get(event.dedupeKey)! }
      : { status: "duplicate" },
  );
}
