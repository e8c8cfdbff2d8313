import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import type { AuditEntry } from "@/lib/audit/record-audit";
import { buildAuditInsertSql } from "@/lib/audit/record-audit.sql";
import { sqlJsonTime } from "@/lib/db/sql";
import type { Viewer } from "@/lib/auth/types";
import type { VisitPhase } from "@/lib/visits/visit-phase";
import { visitPhaseInSql } from "@/lib/visits/visit-phase.sql";

const OPEN_PHASES: VisitPhase[] = ["upcoming", "joinable", "live"];
const CLOSED_PHASES: VisitPhase[] = ["ended", "no_show", "cancelled"];

export type ListVisitsSqlInput = {
  viewer: Viewer;
  subjectId?: string;
  now: Date;
  openLimit: number;
  pastLimit: number;
  attendancesShown: number;
  /** Each visit's newest messages, this many (none when 0). */
  messagesShown: number;
  /** The read's audit row; its details get the number of visits listed. */
  audit: AuditEntry;
};

/**
 * The ids of the visits a list shows, chosen by phase (the one rule, visit-phase.sql.ts): the
 * open ones (upcoming, joinable, live) soonest first, the closed ones latest first. Scoped as
 * visitsVisibleTo: the viewer's clinic, and a patient's own subject only.
 */
function pickedIdsSql(input: ListVisitsSqlInput): Prisma.Sql {
  const v = Prisma.raw(`v`);
  const { viewer, subjectId, now } = input;
  const scope = Prisma.join(
    [
      Prisma.sql`v."organizationId" = ${viewer.organizationId}::uuid`,
      subjectId ? Prisma.sql`v."subjectId" = ${subjectId}::uuid` : Prisma.sql`TRUE`,
      viewer.role === Role.PATIENT
        ? Prisma.sql`v."subjectId" IN (SELECT s."id" FROM "Subject" s WHERE s."userId" = ${viewer.id}::uuid)`
        : Prisma.sql`TRUE`,
    ],
    " AND ",
  );
  return Prisma.sql`
    (SELECT v."id" FROM "Visit" v
      WHERE ${scope} AND ${visitPhaseInSql(v, now, OPEN_PHASES)}
      ORDER BY v."scheduledStart" ASC, v."id" LIMIT ${input.openLimit})
    UNION ALL
    (SELECT v."id" FROM "Visit" v
      WHERE ${scope} AND ${visitPhaseInSql(v, now, CLOSED_PHASES)}
      ORDER BY v."scheduledStart" DESC, v."id" LIMIT ${input.pastLimit})`;
}

const ATTENDANCES = Prisma.raw(`
  SELECT a."id", a."role", a."displayName", a."zoomUserId",
         ${sqlJsonTime(`a."waitingRoomJoinedAt"`)} AS "waitingRoomJoinedAt",
         ${sqlJsonTime(`a."joinedAt"`)} AS "joinedAt", ${sqlJsonTime(`a."leftAt"`)} AS "leftAt",
         CASE WHEN u."id" IS NULL THEN NULL
              ELSE json_build_object('firstName', u."firstName", 'lastName', u."lastName") END AS "user",
         CASE WHEN g."id" IS NULL THEN NULL
              ELSE json_build_object('name', g."name", 'relationship', g."relationship") END AS "guest"
    FROM "Attendance" a LEFT JOIN "User" u ON u."id" = a."userId"
         LEFT JOIN "VisitGuest" g ON g."id" = a."guestId"
   WHERE a."visitId" = v."id"
   ORDER BY a."joinedAt" ASC, a."waitingRoomJoinedAt" ASC, a."id"`);

const MESSAGES = Prisma.raw(`
  SELECT m."id", m."kind", m."recipient", m."sequence", m."offsetMinutes", m."toAddress", m."status",
         ${sqlJsonTime(`m."notBefore"`)} AS "notBefore", ${sqlJsonTime(`m."sentAt"`)} AS "sentAt",
         m."attempts", m."lastError"
    FROM "VisitMessage" m
   WHERE m."visitId" = v."id"
   ORDER BY m."createdAt" DESC, m."offsetMinutes" DESC, m."id"`);

/** A visit's (`v`) device check as JSON, as the care team's lists and the Today board show it. */
export const DEVICE_CHECK_JSON = Prisma.raw(`
  SELECT json_build_object('checkedAt', ${sqlJsonTime(`d."checkedAt"`)}, 'isPassed', d."isPassed",
           'camera', d."camera", 'microphone', d."microphone", 'speaker', d."speaker",
           'network', d."network", 'roundTripMs', d."roundTripMs", 'downloadKbps', d."downloadKbps")
    FROM "VisitDeviceCheck" d WHERE d."visitId" = v."id"`);

/**
 * A list's visits with all they are shown with (provider, subject, device check, attendance and,
 * if asked, messages as JSON) and the read's audit row: one statement, one round trip.
 */
export function buildListVisitsSql(input: ListVisitsSqlInput): Prisma.Sql {
  const count = Prisma.sql`jsonb_build_object('count', (SELECT count(*) FROM picked))`;
  const messages =
    input.messagesShown > 0
      ? Prisma.sql`(SELECT COALESCE(json_agg(x), '[]'::json) FROM (${MESSAGES} LIMIT ${input.messagesShown}) x)`
      : Prisma.sql`'[]'::json`;
  return Prisma.sql`
    WITH picked AS (${pickedIdsSql(input)}),
    audit AS (${buildAuditInsertSql(input.audit, { computedDetails: count })})
    SELECT v."id"::text AS "id", v."subjectId"::text AS "subjectId",
           v."providerId"::text AS "providerId", v."status"::text AS "status",
           v."patientPresence"::text AS "patientPresence", v."patientWaitingSince",
           v."isProviderPresent", v."providerJoinedAt", v."startedAt", v."endedAt",
           v."lastEventAt", v."scheduledStart", v."durationMinutes", v."cancelledAt",
           v."noShowAt", v."calendarSequence",
           json_build_object('id', p."id", 'firstName', p."firstName", 'lastName', p."lastName") AS "provider",
           json_build_object('id', s."id", 'recordNumber', s."recordNumber",
             'firstName', s."firstName", 'lastName', s."lastName") AS "subject",
           (${DEVICE_CHECK_JSON}) AS "deviceCheck",
           (SELECT COALESCE(json_agg(x), '[]'::json)
              FROM (${ATTENDANCES} LIMIT ${input.attendancesShown}) x) AS "attendances",
           ${messages} AS "messages"
      FROM picked
      JOIN "Visit" v ON v."id" = picked."id"
      JOIN "User" p ON p."id" = v."providerId"
      JOIN "Subject" s ON s."id" = v."subjectId"`;
}
