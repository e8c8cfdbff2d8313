// GET /api/reports/attendance.csv?from=&to=&providerId= — the attendance log as CSV (a download)
import { Role } from "@/generated/prisma/enums";
import { requireApiViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { csvDownloadResponse } from "@/lib/server/csv-download";
import { handleRoute } from "@/lib/server/http";
import { exportAttendanceCsv } from "@/lib/reports/export-attendance-csv";
import { parseReportFilters } from "@/lib/reports/report-filters";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handleRoute(async (request) => {
  const viewer = await requireApiViewer(Role.ADMIN); // 401 signed out, 404 for other roles
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parseReportFilters(query, { timeZone: viewer.timeZone, now: new Date() });
  if (!parsed.success) throw new AppError("bad_request", parsed.message, { fields: parsed.fields });
  const csv = await exportAttendanceCsv({ viewer, filters: parsed.filters });
  return csvDownloadResponse(csv);
});
