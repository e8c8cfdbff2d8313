import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { ParticipantRole, VisitStatus } from "@/generated/prisma/enums";
import { sqlEnum } from "@/lib/db/sql";

// THE definition of a no-show, in one place: the no-show job marks the visits it holds for
// (mark-no-shows.ts), and the reports count the visits it holds for (get-visit-report.sql.ts).

/** Whether the visit's patient ever joined the meeting itself (the waiting room is not enough). */
export function patientJoinedSql(visit: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "Attendance" a
     WHERE a."visitId" = ${visit}."id" AND a."role" = ${sqlEnum(ParticipantRole.PATIENT)}
       AND a."joinedAt" IS NOT NULL)`;
}

/** The end of the visit's slot plus its clinic's grace (Settings → Today board). */
export function noShowDueSql(visit: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${visit}."scheduledStart" + make_interval(mins => ${visit}."durationMinutes" +
    (SELECT o."noShowGraceMinutes" FROM "Organization" o WHERE o."id" = ${visit}."organizationId"))`;
}

/**
 * A visit (alias `visit`) is a no-show when it was not cancelled, its no-show was not undone, its
 * patient never joined (`hasJoined`, a boolean expression), and its meeting ended or its slot plus
 * the clinic's grace is over at `now`.
 */
export function isNoShowSql(visit: Prisma.Sql, hasJoined: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`(${visit}."status" <> ${sqlEnum(VisitStatus.CANCELLED)}
    AND ${visit}."noShowUndoneAt" IS NULL
    AND (${hasJoined}) IS NOT TRUE
    AND (${visit}."status" = ${sqlEnum(VisitStatus.ENDED)} OR ${noShowDueSql(visit)} <= ${now}::timestamp))`;
}
