import "server-only";

import { v7 as uuidv7 } from "uuid";

import { Prisma } from "@/generated/prisma/client";
import { ParticipantRole } from "@/generated/prisma/enums";
import { sqlEnum, sqlTime } from "@/lib/db/sql";
import { publishVisitChangedSql } from "@/lib/realtime/publish-visit-changed";
import type { liveVisitSelect } from "@/lib/visits/live-visit";
import {
  MEETING_ENDED,
  MEETING_STARTED,
  type ParticipantVisitEvent,
  type VisitState,
} from "@/lib/visits/attendance/visit-state";

/** More events than a visit could ever have: the read stays bounded. */
const MAX_EVENTS = 5_000;

/** A participant event (kind set) or the meeting's start or end (eventType set). */
export type VisitEventRow = Omit<ParticipantVisitEvent, "type" | "kind"> & {
  visitId: string;
  eventType: string | null;
  kind: ParticipantVisitEvent["kind"] | null;
};

/** Each visit's participant events and its meeting's start and end, in one read. */
export const buildVisitEventsSql = (visitIds: string[]) => Prisma.sql`
  SELECT v."id"::text AS "visitId", NULL AS "eventType", e."kind"::text AS "kind",
         e."occurredAt" AS "at", e."participantKey", e."role"::text AS "role",
         e."userId"::text AS "userId", e."guestId"::text AS "guestId", e."zoomUserId",
         e."displayName"
    FROM unnest(${visitIds}::uuid[]) AS v("id")
   CROSS JOIN LATERAL (
     SELECT * FROM "ParticipantEvent" WHERE "visitId" = v."id"
      ORDER BY "occurredAt", "id" LIMIT ${MAX_EVENTS}) AS e
  UNION ALL
  SELECT v."id"::text, n."eventType", NULL, n."eventAt", '', ${sqlEnum(ParticipantRole.UNKNOWN)},
         NULL, NULL, NULL, NULL
    FROM unnest(${visitIds}::uuid[]) AS v("id")
   CROSS JOIN LATERAL (
     SELECT "eventType", "eventAt" FROM "InboundNotification"
      WHERE "visitId" = v."id" AND "eventType" IN (${MEETING_STARTED}, ${MEETING_ENDED})
        AND "eventAt" IS NOT NULL
      LIMIT ${MAX_EVENTS}) AS n`;

/** The old attendance goes first, on its own: within one statement the insert could meet it. */
export const buildDeleteAttendanceSql = (visitIds: string[]) => Prisma.sql`
  DELETE FROM "Attendance" WHERE "visitId" = ANY(${visitIds}::uuid[])`;

/**
 * The live columns the store statement writes: every field of VisitState but the attendance, and
 * every live column a visit is read with (liveVisitSelect). A column added to one of the three and
 * not to the others fails to compile here.
 */
type StoredLiveColumn =
  | "status"
  | "startedAt"
  | "endedAt"
  | "patientPresence"
  | "patientWaitingSince"
  | "isProviderPresent"
  | "providerJoinedAt"
  | "lastEventAt";
type IsSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
export type StoredLiveColumnsMatch = [
  AssertTrue<IsSame<StoredLiveColumn, Exclude<keyof typeof liveVisitSelect, "id">>>,
  AssertTrue<IsSame<StoredLiveColumn, Exclude<keyof VisitState, "attendances">>>,
];

/** The states (StoredLiveColumn), the new attendance and `visit_changed` of each visit, in one statement. */
export function buildStoreVisitStatesSql(states: [string, VisitState][]): Prisma.Sql {
  const visitIds = states.map(([visitId]) => visitId);
  const column = <T>(pick: (state: VisitState) => T) => states.map(([, state]) => pick(state));
  const sessions = states.flatMap(([visitId, state]) =>
    state.attendances.map((session) => ({ visitId, ...session })),
  );
  const sessionColumn = <T>(pick: (session: (typeof sessions)[number]) => T) => sessions.map(pick);
  return Prisma.sql`
    WITH "state" AS (
      UPDATE "Visit" AS v
         SET "status" = s."status", "startedAt" = s."startedAt", "endedAt" = s."endedAt",
             "patientPresence" = s."patientPresence",
             "patientWaitingSince" = s."patientWaitingSince",
             "isProviderPresent" = s."isProviderPresent", "providerJoinedAt" = s."providerJoinedAt",
             "lastEventAt" = s."lastEventAt", "updatedAt" = now()
        FROM unnest(${visitIds}::uuid[], ${column((state) => state.status)}::"VisitStatus"[],
                    ${column((state) => sqlTime(state.startedAt))}::timestamp(3)[],
                    ${column((state) => sqlTime(state.endedAt))}::timestamp(3)[],
                    ${column((state) => state.patientPresence)}::"PatientPresence"[],
                    ${column((state) => sqlTime(state.patientWaitingSince))}::timestamp(3)[],
                    ${column((state) => state.isProviderPresent)}::boolean[],
                    ${column((state) => sqlTime(state.providerJoinedAt))}::timestamp(3)[],
                    ${column((state) => sqlTime(state.lastEventAt))}::timestamp(3)[])
          AS s("id", "status", "startedAt", "endedAt", "patientPresence", "patientWaitingSince",
               "isProviderPresent", "providerJoinedAt", "lastEventAt")
       WHERE v."id" = s."id"
      RETURNING v."id"
    ), "attendance" AS (
      INSERT INTO "Attendance" ("id", "visitId", "participantKey", "sequence", "role", "userId",
        "guestId", "zoomUserId", "displayName", "waitingRoomJoinedAt", "joinedAt", "leftAt")
      SELECT * FROM unnest(${sessionColumn(() => uuidv7())}::uuid[],
        ${sessionColumn((session) => session.visitId)}::uuid[],
        ${sessionColumn((session) => session.participantKey)}::text[],
        ${sessionColumn((session) => session.sequence)}::int[],
        ${sessionColumn((session) => session.role)}::"ParticipantRole"[],
        ${sessionColumn((session) => session.userId)}::uuid[],
        ${sessionColumn((session) => session.guestId)}::uuid[],
        ${sessionColumn((session) => session.zoomUserId)}::text[],
        ${sessionColumn((session) => session.displayName)}::text[],
        ${sessionColumn((session) => sqlTime(session.waitingRoomJoinedAt))}::timestamp(3)[],
        ${sessionColumn((session) => sqlTime(session.joinedAt))}::timestamp(3)[],
        ${sessionColumn((session) => sqlTime(session.leftAt))}::timestamp(3)[])
    )
    SELECT count(${publishVisitChangedSql(Prisma.sql`"id"`)}) FROM "state"`;
}
