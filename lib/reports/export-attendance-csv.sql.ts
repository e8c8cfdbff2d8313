import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { ParticipantRole } from "@/generated/prisma/enums";

/** Times come back as text on the clinic's clock (yyyy-mm-dd HH:mm:ss, what a spreadsheet reads). */
export type AttendanceRow = {
  visitId: string;
  attendanceId: string;
  scheduledStart: Date;
  scheduledLocal: string;
  providerName: string;
  recordNumber: string;
  personName: string | null;
  role: ParticipantRole;
  zoomUserId: string | null;
  waitingRoomJoinedAt: string | null;
  joinedAt: string | null;
  leftAt: string | null;
  waitedMinutes: number | null;
  /** The telehealth consent on file when the visit ended: "v3 signed 2026-11-02 14:21:00", or null. */
  consent: string | null;
};

export type AttendanceCursor = Pick<AttendanceRow, "scheduledStart" | "visitId" | "attendanceId">;

/** One batch of the attendance log, in keyset order after `after`. */
export function buildAttendanceBatchSql({
  scope,
  timeZone,
  after,
  batch,
}: {
  scope: Prisma.Sql;
  timeZone: string;
  after: AttendanceCursor | null;
  batch: number;
}): Prisma.Sql {
  const local = (column: Prisma.Sql) =>
    Prisma.sql`to_char(${column} AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone}, 'YYYY-MM-DD HH24:MI:SS')`;
  // The row comparison is the keyset; the plain `>=` on the scheduled start repeats its first
  // column so that the (organizationId, scheduledStart) index scan starts at the cursor instead of
  // at the range's start (EXPLAIN: 330 ms a batch without it, under 5 ms with it).
  const keyset = after
    ? Prisma.sql`AND v."scheduledStart" >= ${after.scheduledStart}::timestamp
                 AND (v."scheduledStart", v."id", a."id")
                   > (${after.scheduledStart}::timestamp, ${after.visitId}::uuid, ${after.attendanceId}::uuid)`
    : Prisma.empty;
  return Prisma.sql`
    SELECT v."id" AS "visitId", a."id" AS "attendanceId", v."scheduledStart",
           ${local(Prisma.sql`v."scheduledStart"`)} AS "scheduledLocal",
           pu."firstName" || ' ' || pu."lastName" AS "providerName", s."recordNumber",
           COALESCE(au."firstName" || ' ' || au."lastName", a."displayName") AS "personName",
           a."role", a."zoomUserId",
           ${local(Prisma.sql`a."waitingRoomJoinedAt"`)} AS "waitingRoomJoinedAt",
           ${local(Prisma.sql`a."joinedAt"`)} AS "joinedAt",
           ${local(Prisma.sql`a."leftAt"`)} AS "leftAt",
           -- greatest() skips NULLs, so the CASE keeps "never waited" empty rather than 0.
           CASE WHEN a."joinedAt" IS NOT NULL AND a."waitingRoomJoinedAt" IS NOT NULL
             THEN greatest(0, round(extract(epoch FROM a."joinedAt" - a."waitingRoomJoinedAt") / 60))::int
           END AS "waitedMinutes",
           'v' || tc."version" || ' signed ' || ${local(Prisma.sql`tc."acceptedAt"`)} AS "consent"
      FROM "Visit" v
      JOIN "Attendance" a ON a."visitId" = v."id"
      JOIN "User" pu ON pu."id" = v."providerId"
      JOIN "Subject" s ON s."id" = v."subjectId"
      LEFT JOIN "User" au ON au."id" = a."userId"
      -- The subject's latest consent signed by the end of the visit (the (subjectId, acceptedAt) index).
      LEFT JOIN LATERAL (
        SELECT c."version", c."acceptedAt" FROM "TelehealthConsent" c
         WHERE c."subjectId" = v."subjectId"
           AND c."acceptedAt" <= COALESCE(v."endedAt", v."scheduledStart" + make_interval(mins => v."durationMinutes"))
         ORDER BY c."acceptedAt" DESC LIMIT 1
      ) tc ON TRUE
     WHERE ${scope} ${keyset}
     ORDER BY v."scheduledStart", v."id", a."id"
     LIMIT ${batch}`;
}
