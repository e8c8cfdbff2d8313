import "server-only";

import { v7 as uuidv7 } from "uuid";

import type { ParticipantEventKind, ParticipantRole } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/db";
import { VISIT_CHANGED_CHANNEL } from "@/lib/realtime/channels";
import { type Sql, sqlOf, sqlTime } from "@/lib/db/sql";
import {
  deriveVisitState,
  type VisitEvent,
  type VisitState,
} from "@/lib/visits/attendance/visit-state";

/** More events than a visit could ever have: the read stays bounded. */
const MAX_EVENTS = 5_000;

export const MEETING_STARTED = "meeting.started";
export const MEETING_ENDED = "meeting.ended";

type EventRow = {
  visitId: string;
  eventType: string | null;
  kind: ParticipantEventKind | null;
  at: Date;
  participantKey: string;
  role: ParticipantRole;
  userId: string | null;
  zoomUserId: string | null;
  displayName: string | null;
};

/** Each visit's participant events and its meeting's start and end, in one read. */
const EVENTS_SQL = `
  SELECT v."id"::text AS "visitId", NULL AS "eventType", e."kind"::text AS "kind",
         e."occurredAt" AS "at", e."participantKey", e."role"::text AS "role",
         e."userId"::text AS "userId", e."zoomUserId", e."displayName"
    FROM unnest($1::uuid[]) AS v("id")
   CROSS JOIN LATERAL (
     SELECT * FROM "ParticipantEvent" WHERE "visitId" = v."id"
      ORDER BY "occurredAt", "id" LIMIT ${MAX_EVENTS}) AS e
  UNION ALL
  SELECT v."id"::text, n."eventType", NULL, n."eventAt", '', 'UNKNOWN', NULL, NULL, NULL
    FROM unnest($1::uuid[]) AS v("id")
   CROSS JOIN LATERAL (
     SELECT "eventType", "eventAt" FROM "InboundNotification"
      WHERE "visitId" = v."id" AND "eventType" IN ($2, $3) AND "eventAt" IS NOT NULL
      LIMIT ${MAX_EVENTS}) AS n`;

async function readEvents(sql: Sql, visitIds: string[]): Promise<Map<string, VisitEvent[]>> {
  const rows = await sql.query<EventRow>(EVENTS_SQL, [visitIds, MEETING_STARTED, MEETING_ENDED]);
  const events = new Map<string, VisitEvent[]>(visitIds.map((id) => [id, []]));
  for (const { visitId, eventType, kind, at, ...person } of rows)
    events
      .get(visitId)
      ?.push(
        kind
          ? { type: "participant", kind, at, ...person }
          : { type: eventType === MEETING_STARTED ? "meeting_started" : "meeting_ended", at },
      );
  return events;
}

/** The states and the new attendance, and the notice to the app instances, in one statement. */
const STORE_STATES_SQL = `
  WITH "state" AS (
    UPDATE "Visit" AS v
       SET "status" = s."status", "startedAt" = s."startedAt", "endedAt" = s."endedAt",
           "patientPresence" = s."patientPresence",
           "patientWaitingSince" = s."patientWaitingSince",
           "isProviderPresent" = s."isProviderPresent", "providerJoinedAt" = s."providerJoinedAt",
           "lastEventAt" = s."lastEventAt", "updatedAt" = now()
      FROM unnest($1::uuid[], $2::"VisitStatus"[], $3::timestamp(3)[], $4::timestamp(3)[],
                  $5::"PatientPresence"[], $6::timestamp(3)[], $7::boolean[],
                  $8::timestamp(3)[], $9::timestamp(3)[])
        AS s("id", "status", "startedAt", "endedAt", "patientPresence", "patientWaitingSince",
             "isProviderPresent", "providerJoinedAt", "lastEventAt")
     WHERE v."id" = s."id"
    RETURNING v."id"
  ), "attendance" AS (
    INSERT INTO "Attendance" ("id", "visitId", "participantKey", "sequence", "role", "userId",
      "zoomUserId", "displayName", "waitingRoomJoinedAt", "joinedAt", "leftAt")
    SELECT * FROM unnest($10::uuid[], $11::uuid[], $12::text[], $13::int[],
      $14::"ParticipantRole"[], $15::uuid[], $16::text[], $17::text[], $18::timestamp(3)[],
      $19::timestamp(3)[], $20::timestamp(3)[])
  )
  SELECT count(pg_notify($21, "id"::text)) FROM "state"`;

/**
 * Replaces the visits' states and attendance. The old attendance is deleted first, on its own:
 * within one statement the insert could meet the rows it replaces.
 */
async function storeStates(sql: Sql, states: [string, VisitState][]): Promise<void> {
  const visitIds = states.map(([visitId]) => visitId);
  await sql.execute(`DELETE FROM "Attendance" WHERE "visitId" = ANY($1::uuid[])`, [visitIds]);
  const column = <T>(pick: (state: VisitState) => T) => states.map(([, state]) => pick(state));
  const sessions = states.flatMap(([visitId, state]) =>
    state.attendances.map((session) => ({ visitId, ...session })),
  );
  const sessionColumn = <T>(pick: (session: (typeof sessions)[number]) => T) => sessions.map(pick);
  await sql.query(STORE_STATES_SQL, [
    visitIds,
    column((state) => state.status),
    column((state) => sqlTime(state.startedAt)),
    column((state) => sqlTime(state.endedAt)),
    column((state) => state.patientPresence),
    column((state) => sqlTime(state.patientWaitingSince)),
    column((state) => state.isProviderPresent),
    column((state) => sqlTime(state.providerJoinedAt)),
    column((state) => sqlTime(state.lastEventAt)),
    sessionColumn(() => uuidv7()),
    sessionColumn((session) => session.visitId),
    sessionColumn((session) => session.participantKey),
    sessionColumn((session) => session.sequence),
    sessionColumn((session) => session.role),
    sessionColumn((session) => session.userId),
    sessionColumn((session) => session.zoomUserId),
    sessionColumn((session) => session.displayName),
    sessionColumn((session) => sqlTime(session.waitingRoomJoinedAt)),
    sessionColumn((session) => sqlTime(session.joinedAt)),
    sessionColumn((session) => sqlTime(session.leftAt)),
    VISIT_CHANGED_CHANNEL,
  ]);
}

/**
 * Derives each visit's live state and attendance from all its recorded events and stores them,
 * and tells the app instances (lib/realtime/channels.ts). The caller holds the visits' row locks (lockVisits), so that two
 * notifications of one visit are applied one after the other and the second sees the first, and
 * has checked that no visit is cancelled.
 */
export async function recomputeVisitStates(sql: Sql, visitIds: string[]): Promise<void> {
  const ids = [...new Set(visitIds)];
  if (ids.length === 0) return;
  const events = await readEvents(sql, ids);
  const states = ids.map((id): [string, VisitState] => [id, deriveVisitState(events.get(id)!)]);
  await storeStates(sql, states);
}

export async function recomputeVisitState(tx: Tx, visitId: string): Promise<void> {
  await recomputeVisitStates(sqlOf(tx), [visitId]);
}
