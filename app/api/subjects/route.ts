// GET /api/subjects?q=&page=&sort=&dir=&portal=&upcoming= — the care team's subject search, as JSON
import { Role } from "@/generated/prisma/enums";
import { requireApiViewer } from "@/lib/auth/viewer";
import { badRequest, handleRoute } from "@/lib/server/http";
import { subjectSearchApiQuerySchema } from "@/lib/subjects/schemas";
import { searchSubjects } from "@/lib/subjects/search-subjects";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request) => {
  const viewer = await requireApiViewer(Role.ADMIN, Role.CARE_TEAM);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const params = subjectSearchApiQuerySchema.safeParse(query);
  if (!params.success) return badRequest("Invalid search", params.error);
  // Names, birth dates and phone numbers: never kept by a browser or proxy cache.
  return Response.json(await searchSubjects({ viewer, ...params.data }), {
    headers: { "Cache-Control": "no-store" },
  });
});
