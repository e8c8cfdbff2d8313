// GET /api/subjects/import/[importId] — an import's progress and counts (polled by the page)
import { AppError } from "@/lib/errors";
import { findImportProgress } from "@/lib/subjects/import/find-import-progress";
import { IMPORT_NOT_FOUND, importRoute } from "@/lib/subjects/import/import-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = importRoute(async (viewer, importId) => {
  const progress = await findImportProgress(viewer, importId);
  if (!progress) throw new AppError("not_found", IMPORT_NOT_FOUND);
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
});
