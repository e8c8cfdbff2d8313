import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { ParticipantRole } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/db";
import { errorFields, log } from "@/lib/log";
import { toCsvRow } from "@/lib/reports/csv";
import type { ReportFilters } from "@/lib/reports/report-filters";
import { buildReportScope } from "@/lib/reports/report-scope";

// The attendance log of every visit in a report's scope, as CSV. Rows are read in keyset order
// (scheduled start, visit, attendance) one batch per pull of the stream, so a year of visits is
// never in memory and a client that stops reading stops the queries.

export type ExportAttendanceCsvOptions = { viewer: Viewer; filters: ReportFilters };
export type AttendanceCsv = { filename: string; stream: ReadableStream<Uint8Array> };

export const ATTENDANCE_CSV_BATCH = 500;

/** Times come back as text on the clinic's clock (yyyy-mm-dd HH:mm:ss, what a spreadsheet reads). */
type AttendanceRow = {
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

type Cursor = Pick<AttendanceRow, "scheduledStart" | "visitId" | "attendanceId">;

export function attendanceCsvHeader(timeZone: string): string[] {
  return [
    "Visit ID",
    `Scheduled start (${timeZone})`,
    "Provider",
    "Patient record number",
    "Person",
    "Role",
    "Zoom user ID",
    "Waiting room joined",
    "Joined",
    "Left",
    "Waited (minutes)",
    "Telehealth consent",
  ];
}

function toCells(row: AttendanceRow) {
  return [
    row.visitId,
    row.scheduledLocal,
    row.providerName,
    row.recordNumber,
    row.personName,
    row.role,
    row.zoomUserId,
    row.waitingRoomJoinedAt,
    row.joinedAt,
    row.leftAt,
    row.waitedMinutes,
    row.consent,
  ];
}

async function readBatch(
  scope: Prisma.Sql,
  timeZone: string,
  after: Cursor | null,
): Promise<AttendanceRow[]> {
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
  return db.$queryRaw<AttendanceRow[]>`
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
     LIMIT ${ATTENDANCE_CSV_BATCH}`;
}

/**
 * Checks the viewer and the provider, records the export in the audit trail, and only then returns
 * the stream: an export that was refused leaves no audit row, and one that runs always has one.
 */
export async function exportAttendanceCsv({
  viewer,
  filters,
}: ExportAttendanceCsvOptions): Promise<AttendanceCsv> {
  const scope = await buildReportScope(viewer, filters);
  await recordAudit(db, {
    actor: viewer,
    action: "attendance.export",
    targetType: "organization",
    targetId: viewer.organizationId,
    details: { from: filters.from, to: filters.to, providerId: filters.providerId },
  });
  const encoder = new TextEncoder();
  let cursor: Cursor | null = null;
  let rowCount = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark, so spreadsheet programs read the names as UTF-8.
      controller.enqueue(
        encoder.encode(`\uFEFF${toCsvRow(attendanceCsvHeader(filters.timeZone))}`),
      );
    },
    async pull(controller) {
      try {
        const rows = await readBatch(scope, filters.timeZone, cursor);
        if (rows.length > 0)
          controller.enqueue(encoder.encode(rows.map((row) => toCsvRow(toCells(row))).join("")));
        rowCount += rows.length;
        const last = rows.at(-1);
        if (rows.length < ATTENDANCE_CSV_BATCH || !last) {
          log.info("reports.attendance_exported", {
            organizationId: viewer.organizationId,
            rowCount,
          });
          controller.close();
          return;
        }
        cursor = {
          scheduledStart: last.scheduledStart,
          visitId: last.visitId,
          attendanceId: last.attendanceId,
        };
      } catch (error) {
        log.error("reports.attendance_export_failed", {
          organizationId: viewer.organizationId,
          ...errorFields(error),
        });
        controller.error(error);
      }
    },
  });
  return { filename: `attendance-${filters.from}-to-${filters.to}.csv`, stream };
}
