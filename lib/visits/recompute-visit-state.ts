import "server-only";

import { v7 as uuidv7 } from "uuid";

import type { ParticipantEventKind, ParticipantRole } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { publishVisitsChanged } from "@/lib/realtime/publish-visit-changed";
import { type Sql, sqlOf, sqlTime } from "@/lib/sql";
import { deriveVisitState, type VisitEvent, type VisitState } from "@/lib/visits/visit-state";

/** More events than a visit could ever have: the read stays bounded. */
const MAX_EVENTS = 5_000;

export const MEETING_STARTED = "meeting.started";
export const MEETING_ENDED = "meeting.ended";

type EventRow = {
  visitId: string;
  kind: ParticipantEventKind;
  occurredAt: Date;
  participantKey: string;
  role: ParticipantRole;
  userId: string | null;
  zoomUserId: string | null;
  displayName: string | null;
};
type LifecycleRow = { visitId: string; eventType: string; eventAt: Date };

async function readEvents(sql: Sql, visitIds: string[]): Promise<Map<string, VisitEvent[]>> {
  const [participantRows, lifecycleRows] = await Promise.all([
    sql.query<EventRow>(
      `SELECT v."id"::text AS "visitId", e."kind"::text AS "kind", e."occurredAt",
              e."participantKey", e."role"::text AS "role", e."userId"::text AS "userId",
              e."zoomUserId", e."displayName"
         FROM unnest($1::uuid[]) AS v("id")
        CROSS JOIN LATERAL (
          SELECT * FROM "ParticipantEvent" WHERE "visitId" = v."id"
           ORDER BY "occurredAt", "id" LIMIT ${MAX_EVENTS}) AS e`,
      [visitIds],
    ),
    sql.query<LifecycleRow>(
      `SELECT v."id"::text AS "visitId", n."eventType", n."eventAt"
         FROM unnest($1::uuid[]) AS v("id")
        CROSS JOIN LATERAL (
          SELECT "eventType", "eventAt" FROM "InboundNotification"
           WHERE "visitId" = v."id" AND "eventType" IN ($2, $3) AND "eventAt" IS NOT NULL
           LIMIT ${MAX_EVENTS}) AS n`,
      [visitIds, MEETING_STARTED, MEETING_ENDED],
    ),
  ]);
  const events = new Map<string, VisitEvent[]>(visitIds.map((id) => [id, []]));
  for (const { visitId, occurredAt, ...event } of participantRows)
    events.get(visitId)?.push({ type: "participant", ...event, at: occurredAt });
  for (const { visitId, eventType, eventAt } of lifecycleRows)
    events.get(visitId)?.push({
      type: eventType === MEETING_STARTED ? "meeting_started" : "meeting_ended",
      at: eventAt,
    });
  return events;
}

async function storeStates(sql: Sql, states: [string, VisitState][]): Promise<void> {
  const column = <T>(pick: (state: VisitState) => T) => states.map(([, state]) => pick(state));
  await sql.execute(
    `UPDATE "Visit" AS v
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
      WHERE v."id" = s."id"`,
    [
      states.map(([visitId]) => visitId),
      column((state) => state.status),
      column((state) => sqlTime(state.startedAt)),
      column((state) => sqlTime(state.endedAt)),
      column((state) => state.patientPresence),
      column((state) => sqlTime(state.patientWaitingSince)),
      column((state) => state.isProviderPresent),
      column((state) => sqlTime(state.providerJoinedAt)),
      column((state) => sqlTime(state.lastEventAt)),
    ],
  );
}

async function replaceAttendances(sql: Sql, states: [string, VisitState][]): Promise<void> {
  await sql.execute(`DELETE FROM "Attendance" WHERE "visitId" = ANY($1::uuid[])`, [
    states.map(([visitId]) => visitId),
  ]);
  const sessions = states.flatMap(([visitId, state]) =>
    state.attendances.map((session) => ({ visitId, ...session })),
  );
  if (sessions.length === 0) return;
  const column = <T>(pick: (session: (typeof sessions)[number]) => T) => sessions.map(pick);
  await sql.execute(
    `INSERT INTO "Attendance" ("id", "visitId", "participantKey", "sequence", "role", "userId",
       "zoomUserId", "displayName", "waitingRoomJoinedAt", "joinedAt", "leftAt")
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::"ParticipantRole"[],
       $6::uuid[], $7::text[], $8::text[], $9::timestamp(3)[], $10::timestamp(3)[],
       $11::timestamp(3)[])`,
    [
      column(() => uuidv7()),
      column((session) => session.visitId),
      column((session) => session.participantKey),
      column((session) => session.sequence),
      column((session) => session.role),
      column((session) => session.userId),
      column((session) => session.zoomUserId),
      column((session) => session.displayName),
      column((session) => sqlTime(session.waitingRoomJoinedAt)),
      column((session) => sqlTime(session.joinedAt)),
      column((session) => sqlTime(session.leftAt)),
    ],
  );
}

/**
 * Derives each visit's live state and attendance from all its recorded events and stores them,
 * then tells the app instances. The caller holds the visits' row locks (lockVisits), so that two
 * notifications of one visit are applied one after the other and the second sees the first, and
 * has checked that no visit is cancelled.
 */
export async function recomputeVisitStates(sql: Sql, visitIds: string[]): Promise<void> {
  const ids = [...new Set(visitIds)];
  if (ids.length === 0) return;
  const events = await readEvents(sql, ids);
  const states = ids.map((id): [string, VisitState] => [id, deriveVisitState(events.get(id)!)]);
  await storeStates(sql, states);
  await replaceAttendances(sql, states);
  await publishVisitsChanged(sql, ids);
}

export async function recomputeVisitState(tx: Tx, visitId: string): Promise<void> {
  await recomputeVisitStates(sqlOf(tx), [visitId]);
}
