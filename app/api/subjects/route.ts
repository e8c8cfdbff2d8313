// POST /api/subjects { q, page, sort, dir, portal, upcoming } — the care team's subject search, as
// JSON. The query travels in the body so that names, birth dates and phone numbers stay out of URLs
// and proxy logs (decision 029). GET ?q=… still answers, for scripts; it puts the query in the URL.
import { Role } from "@/generated/prisma/enums";
import { requireApiViewer } from "@/lib/auth/viewer";
import { badRequest, handleRoute } from "@/lib/server/http";
import { subjectSearchApiQuerySchema } from "@/lib/subjects/schemas";
import { searchSubjects } from "@/lib/subjects/search-subjects";

export const dynamic = "force-dynamic";

async function answer(query: unknown): Promise<Response> {
  const viewer = await requireApiViewer(Role.ADMIN, Role.CARE_TEAM);
  const params = subjectSearchApiQuerySchema.safeParse(query);
  if (!params.success) return badRequest("Invalid search", params.error);
  // Names, birth dates and phone numbers: never kept by a browser or proxy cache.
  return Response.json(await searchSubjects({ viewer, ...params.data }), {
    headers: { "Cache-Control": "no-store" },
  });
}

export const POST = handleRoute(async (request) =>
  answer(await request.json().catch(() => undefined)),
);

export const GET = handleRoute(async (request) =>
  answer(Object.fromEntries(new URL(request.url).searchParams)),
);
