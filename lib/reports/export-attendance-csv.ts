import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/db";
import { errorFields, log } from "@/lib/log";
import { toCsvRow } from "@/lib/reports/csv";
import type { ReportFilters } from "@/lib/reports/report-filters";
import {
  type AttendanceCursor,
  type AttendanceRow,
  buildAttendanceBatchSql,
} from "@/lib/reports/export-attendance-csv.sql";
import { buildReportScope, reportAuditEntry } from "@/lib/reports/report-scope";

// The attendance log of every visit in a report's scope, as CSV. Rows are read in keyset order
// (scheduled start, visit, attendance) one batch per pull of the stream, so a year of visits is
// never in memory and a client that stops reading stops the queries.

export type ExportAttendanceCsvOptions = { viewer: Viewer; filters: ReportFilters };
export type AttendanceCsv = { filename: string; stream: ReadableStream<Uint8Array> };

export const ATTENDANCE_CSV_BATCH = 500;

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
  after: AttendanceCursor | null,
): Promise<AttendanceRow[]> {
  return db.$queryRaw<AttendanceRow[]>(
    buildAttendanceBatchSql({ scope, timeZone, after, batch: ATTENDANCE_CSV_BATCH }),
  );
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
  await recordAudit(db, reportAuditEntry(viewer, "attendance.export", filters));
  const encoder = new TextEncoder();
  let cursor: AttendanceCursor | null = null;
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
