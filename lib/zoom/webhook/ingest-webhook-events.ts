import "server-only";

import { NotificationOutcome, NotificationSource, VisitStatus } from "@/generated/prisma/enums";
import { type Sql, withSqlTransaction } from "@/lib/db/sql";
import { type StoredOutcome, storeNotifications } from "@/lib/inbound/store-notifications";
import { errorFields, log } from "@/lib/log";
import { groupCommit } from "@/lib/server/group-commit";
import { identifyParticipants } from "@/lib/visits/attendance/identify-participant";
import { recomputeVisitStates } from "@/lib/visits/attendance/recompute-visit-state";
import {
  type IdentifiedParticipantEvent,
  type ParticipantVisit,
  storeParticipantEvents,
} from "@/lib/visits/attendance/record-participant-event";
import {
  buildPlacementsSql,
  type PlacementRow,
} from "@/lib/zoom/webhook/ingest-webhook-events.sql";
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

type Placement = {
  organizationId: string | null;
  visit: ParticipantVisit | null;
  outcome: NotificationOutcome;
};

const meetingKey = (organizationId: string, meetingId: bigint | string) =>
  `${organizationId}|${meetingId}`;

/** Where each event belongs and what becomes of it; locks the visits it names. */
async function findPlacements(sql: Sql, events: WebhookEvent[]): Promise<Placement[]> {
  const meetings = events.flatMap((event) =>
    event.accountId && event.meeting
      ? [{ accountId: event.accountId, meetingId: event.meeting.meetingId.toString() }]
      : [],
  );
  const accountIds = [...new Set(events.flatMap((event) => event.accountId ?? []))];
  const rows =
    accountIds.length === 0
      ? []
      : await sql.query<PlacementRow>(buildPlacementsSql(accountIds, meetings));
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

/** Stores and applies the batch; the caller commits. Results are in the events' order. */
export async function ingestWebhookEvents(
  sql: Sql,
  events: WebhookEvent[],
): Promise<StoredOutcome[]> {
  const firstOfKey = new Map<string, number>();
  events.forEach((event, index) => {
    if (!firstOfKey.has(event.dedupeKey)) firstOfKey.set(event.dedupeKey, index);
  });
  const unique = [...firstOfKey.values()].map((index) => events[index]!);
  const placements = await findPlacements(sql, unique);
  const rows = unique.map((event, index) => ({ event, placement: placements[index]! }));
  const notificationIds = await storeNotifications(
    sql,
    NotificationSource.ZOOM_WEBHOOK,
    rows.map(({ event, placement }) => ({
      dedupeKey: event.dedupeKey,
      eventType: event.eventType,
      eventAt: event.eventAt,
      receivedAt: event.receivedAt,
      outcome: placement.outcome,
      organizationId: placement.organizationId,
      visitId: placement.visit?.id ?? null,
      payload: event.payload,
    })),
  );

  const applied = rows.filter(
    (row) =>
      row.placement.outcome === NotificationOutcome.APPLIED &&
      notificationIds.has(row.event.dedupeKey),
  );
  const participantEvents = applied.flatMap(({ event, placement }) =>
    event.meeting?.type === "participant" && placement.visit
      ? [
          {
            visit: placement.visit,
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
    applied.flatMap((row) => (row.placement.visit ? [row.placement.visit.id] : [])),
  );

  const outcomes = new Map(rows.map((row) => [row.event.dedupeKey, row.placement.outcome]));
  return events.map((event, index) =>
    firstOfKey.get(event.dedupeKey) === index && notificationIds.has(event.dedupeKey)
      ? outcomes.get(event.dedupeKey)!
      : "duplicate",
  );
}

/**
 * Writes a batch in one transaction. A batch fails as a whole (one bad event, a cut connection),
 * so its events are then written one per transaction: only those that fail again are refused
 * (null), and Zoom retries them.
 */
async function writeBatch(events: WebhookEvent[]): Promise<(StoredOutcome | null)[]> {
  try {
    return await withSqlTransaction((sql) => ingestWebhookEvents(sql, events));
  } catch (error) {
    log.error("zoom.webhook.not_stored", { events: events.length, ...errorFields(error) });
    if (events.length === 1) return [null];
    const results: (StoredOutcome | null)[] = [];
    for (const event of events) results.push(...(await writeBatch([event])));
    return results;
  }
}

/**
 * Stores and applies one event in the next batch's transaction (group commit); resolves once it
 * has committed, with null when it could not be stored.
 */
export const ingestWebhookEvent = groupCommit(writeBatch, { maxBatch: 200, writers: 1 });
