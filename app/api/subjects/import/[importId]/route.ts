// GET /api/subjects/import/[importId] — an import's progress and counts (polled by the page)
import { Role } from "@/generated/prisma/enums";
import { requireApiViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/server/http";
import { findImportProgress } from "@/lib/subjects/import/find-import-progress";
import { subjectImportParamsSchema } from "@/lib/subjects/import/schemas";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handleRoute<{ params: Promise<{ importId: string }> }>(
  async (_request, { params }) => {
    const viewer = await requireApiViewer(Role.ADMIN);
    const parsed = subjectImportParamsSchema.safeParse(await params);
    const progress = parsed.success ? await findImportProgress(viewer, parsed.data.importId) : null;
    if (!progress) throw new AppError("not_found", "Import not found");
    return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
  },
);
