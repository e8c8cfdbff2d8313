// GET /api/subjects/import/[importId]/refused.csv — the refused rows and their reasons (a download)
import { csvDownloadResponse } from "@/lib/server/csv-download";
import { exportRefusedRows } from "@/lib/subjects/import/export-refused-rows";
import { importRoute } from "@/lib/subjects/import/import-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = importRoute(async (viewer, importId) =>
  csvDownloadResponse(await exportRefusedRows({ viewer, importId })),
);
