// GET /api/visits/[visitId]/join — opens the visit's Zoom meeting (the start URL for its host)
import { Role } from "@/generated/prisma/enums";
import { getViewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { handleRoute, toErrorResponse } from "@/lib/server/http";
import { getJoinUrl } from "@/lib/visits/join-visit";
import { visitParamsSchema } from "@/lib/visits/schemas";

export const dynamic = "force-dynamic";

/** Back to the page the person came from (same site only), telling it why joining failed. */
function backWith(request: Request, reason: string, fallback: string): Response {
  const origin = new URL(env.APP_BASE_URL).origin;
  let path = fallback;
  try {
    const referer = new URL(request.headers.get("referer") ?? "");
    if (referer.origin === origin) path = referer.pathname;
  } catch {
    // No usable Referer: go to the fallback.
  }
  const back = new URL(path, origin);
  back.searchParams.set("join", reason);
  return Response.redirect(back, 303);
}

/**
 * An unknown or foreign visit: a browser opening the link gets the "Visit not found" page (404),
 * other callers the JSON 404.
 */
function notFoundFor(request: Request): Response {
  if (!request.headers.get("accept")?.includes("text/html"))
    return toErrorResponse(new AppError("not_found", "Visit not found"));
  return Response.redirect(new URL("/visit-not-found", env.APP_BASE_URL), 303);
}

export const GET = handleRoute<{ params: Promise<{ visitId: string }> }>(
  async (request, { params }) => {
    const parsed = visitParamsSchema.safeParse(await params);
    if (!parsed.success) return notFoundFor(request);
    const viewer = await getViewer();
    if (!viewer)
      return Response.redirect(
        new URL(
          `/sign-in?callbackUrl=${encodeURIComponent(new URL(request.url).pathname)}`,
          env.APP_BASE_URL,
        ),
        303,
      );
    try {
      // The start URL carries the host's token, the join URL the passcode: never cached.
      const url = await getJoinUrl({ viewer, visitId: parsed.data.visitId });
      return new Response(null, {
        status: 302,
        headers: { Location: url, "Cache-Control": "no-store" },
      });
    } catch (error) {
      const reason = isAppError(error, "conflict") ? error.extra.fields?.join?.[0] : undefined;
      const fallback =
        viewer.role === Role.PATIENT ? `/visits/${parsed.data.visitId}` : "/subjects";
      if (reason) return backWith(request, reason, fallback);
      if (isAppError(error, "not_found")) return notFoundFor(request);
      throw error;
    }
  },
);
