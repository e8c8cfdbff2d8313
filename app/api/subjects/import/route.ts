// POST /api/subjects/import — an admin's CSV upload (the raw file as the body), streamed into storage
import { Role } from "@/generated/prisma/enums";
import { requireApiViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { isCrossSitePost } from "@/lib/server/refuse-bad-form-post";
import { handleRoute } from "@/lib/server/http";
import { IMPORT_MAX_BYTES } from "@/lib/subjects/import/read-csv";
import { storeImportUpload } from "@/lib/subjects/import/store-import-upload";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = handleRoute(async (request) => {
  if (isCrossSitePost(request.headers)) throw new AppError("forbidden", "Cross-site upload");
  const viewer = await requireApiViewer(Role.ADMIN); // 401 signed out, 404 for other roles
  if (Number(request.headers.get("content-length") ?? "0") > IMPORT_MAX_BYTES)
    throw new AppError("bad_request", "The file is larger than 50 MB.");
  if (!request.body) throw new AppError("bad_request", "The file is empty.");
  const stored = await storeImportUpload({
    organizationId: viewer.organizationId,
    createdById: viewer.id,
    file: request.body,
  });
  return Response.json({ importId: stored.importId }, { status: 201 });
});
