import "server-only";

import {
  NotificationOutcome,
  NotificationSource,
  VisitStatus,
  ZoomConnectionStatus,
} from "@/generated/prisma/enums";
import { type Sql, sqlTime } from "@/lib/sql";
import { identifyParticipants } from "@/lib/visits/identify-participant";
import { lockVisits } from "@/lib/visits/lock-visit";
import { recomputeVisitStates } from "@/lib/visits/recompute-visit-state";
import {
  type IdentifiedParticipantEvent,
  type ParticipantVisit,
  storeParticipantEvents,
} from "@/lib/visits/record-participant-event";
import { type MeetingEventPayload, participantCluesOf } from "@/lib/zoom/webhook/meeting-events";

// Stores a batch of verified Zoom events and applies the meeting and participant events among
// them to their visits, in one transaction of a fixed number of statements, whatever the batch's
// size: this is what lets the webhook take a thousand events a second (lib/group-commit.ts).
// Per event it does what one delivery at a time would: store it once under its dedupe key, find
// its organization (account_id) and visit (meeting id; the newest visit of that meeting), lock
// the visit, identify the participant, store the event, derive the visit's state again.
// @see ../../../../shared/docs/zoom-protocols.md §2.5

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

async function findOrganizations(sql: Sql, events: WebhookEvent[]): Promise<Map<string, string>> {
  const accountIds = [
    ...new Set(events.map((event) => event.accountId).filter((id) => id !== null)),
  ];
  if (accountIds.length === 0) return new Map();
  const rows = await sql.query<{ zoomAccountId: string; organizationId: string }>(
    `SELECT DISTINCT ON ("zoomAccountId") "zoomAccountId", "organizationId"::text AS "organizationId"
       FROM "ZoomConnection" WHERE "zoomAccountId" = ANY($1::text[]) AND "status" <> $2::"ZoomConnectionStatus"
      ORDER BY "zoomAccountId", "linkedAt" DESC`,
    [accountIds, ZoomConnectionStatus.REMOVED],
  );
  return new Map(rows.map((row) => [row.zoomAccountId, row.organizationId]));
}

const meetingKey = (organizationId: string, meetingId: bigint | string) =>
  `${organizationId}|${meetingId}`;

type VisitRow = Omit<ParticipantVisit, "subject"> & {
  zoomMeetingId: string;
  subjectUserId: string | null;
  subjectEmail: string | null;
};

/** Each meeting's visit in its organization (the newest, should a meeting id ever repeat). */
async function findVisits(
  sql: Sql,
  meetings: { organizationId: string; meetingId: bigint }[],
): Promise<Map<string, ParticipantVisit>> {
  if (meetings.length === 0) return new Map();
  const rows = await sql.query<VisitRow>(
    `SELECT DISTINCT ON (v."organizationId", v."zoomMeetingId")
            v."id"::text AS "id", v."organizationId"::text AS "organizationId",
            v."providerId"::text AS "providerId", v."subjectId"::text AS "subjectId",
            v."zoomHostId", v."zoomMeetingId"::text AS "zoomMeetingId",
            s."userId"::text AS "subjectUserId", s."email" AS "subjectEmail"
       FROM "Visit" AS v JOIN "Subject" AS s ON s."id" = v."subjectId"
      WHERE (v."organizationId", v."zoomMeetingId") IN (SELECT * FROM unnest($1::uuid[], $2::bigint[]))
      ORDER BY v."organizationId", v."zoomMeetingId", v."createdAt" DESC`,
    [
      meetings.map((meeting) => meeting.organizationId),
      meetings.map((meeting) => meeting.meetingId.toString()),
    ],
  );
  return new Map(
    rows.map(({ zoomMeetingId, subjectUserId, subjectEmail, ...visit }) => [
      meetingKey(visit.organizationId, zoomMeetingId),
      { ...visit, subject: { userId: subjectUserId, email: subjectEmail } },
    ]),
  );
}

/** Where each event belongs and what becomes of it; locks the visits it names. */
async function place(sql: Sql, events: WebhookEvent[]): Promise<Placed[]> {
  const organizations = await findOrganizations(sql, events);
  const organizationOf = (event: WebhookEvent) =>
    (event.accountId && organizations.get(event.accountId)) || null;
  const meetings = events.flatMap((event) => {
    const organizationId = organizationOf(event);
    return event.meeting && organizationId
      ? [{ organizationId, meetingId: event.meeting.meetingId }]
      : [];
  });
  const visits = await findVisits(sql, meetings);
  const statuses = await lockVisits(
    sql,
    [...visits.values()].map((visit) => visit.id),
  );
  return events.map((event) => {
    const organizationId = organizationOf(event);
    if (!event.meeting)
      return { organizationId, visit: null, outcome: NotificationOutcome.IGNORED };
    const visit = organizationId
      ? visits.get(meetingKey(organizationId, event.meeting.meetingId))
      : undefined;
    const status = visit && statuses.get(visit.id);
    if (!visit || !status)
      return { organizationId, visit: null, outcome: NotificationOutcome.UNMATCHED };
    return {
      organizationId,
      visit,
      outcome:
        status === VisitStatus.CANCELLED
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
