// GET /api/subjects/import/[importId]/refused.csv — the refused rows and their reasons (a download)
import { Role } from "@/generated/prisma/enums";
import { requireApiViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { csvDownloadResponse } from "@/lib/server/csv-download";
import { handleRoute } from "@/lib/server/http";
import { exportRefusedRows } from "@/lib/subjects/import/export-refused-rows";
import { subjectImportParamsSchema } from "@/lib/subjects/import/schemas";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handleRoute<{ params: Promise<{ importId: string }> }>(
  async (_request, { params }) => {
    const viewer = await requireApiViewer(Role.ADMIN);
    const parsed = subjectImportParamsSchema.safeParse(await params);
    if (!parsed.success) throw new AppError("not_found", "Import not found");
    const csv = await exportRefusedRows({ viewer, importId: parsed.data.importId });
    return csvDownloadResponse(csv);
  },
);
