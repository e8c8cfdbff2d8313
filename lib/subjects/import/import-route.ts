import "server-only";

import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { requireApiViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/server/http";
import { subjectImportParamsSchema } from "@/lib/subjects/import/schemas";

export const IMPORT_NOT_FOUND = "Import not found";

/**
 * A route under `/api/subjects/import/[importId]`: administrators only, and a malformed id is
 * "not found", as another clinic's import is.
 */
export function importRoute(respond: (viewer: Viewer, importId: string) => Promise<Response>) {
  return handleRoute<{ params: Promise<{ importId: string }> }>(async (_request, { params }) => {
    const viewer = await requireApiViewer(Role.ADMIN);
    const parsed = subjectImportParamsSchema.safeParse(await params);
    if (!parsed.success) throw new AppError("not_found", IMPORT_NOT_FOUND);
    return respond(viewer, parsed.data.importId);
  });
}
