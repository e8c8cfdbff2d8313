// GET /api/zoom/oauth/callback — Zoom's OAuth redirect after an admin allowed or declined the app
import { Role } from "@/generated/prisma/enums";
import { getViewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/server/http";
import { completeZoomLink } from "@/lib/zoom/link/complete-zoom-link";
import { oauthCallbackQuerySchema } from "@/lib/zoom/link/schemas";

export const dynamic = "force-dynamic";

const redirectTo = (path: string) => Response.redirect(new URL(path, env.APP_BASE_URL), 303);

export const GET = handleRoute(async (request) => {
  const viewer = await getViewer();
  if (!viewer) return redirectTo("/sign-in?callbackUrl=%2Fsettings%2Fzoom");
  if (viewer.role !== Role.ADMIN) throw new AppError("not_found", "Not found");
  const query = oauthCallbackQuerySchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!query.success) return redirectTo("/settings/zoom?error=invalid_state");
  const outcome = await completeZoomLink({ viewer, ...query.data });
  return redirectTo(
    outcome.status === "linked"
      ? "/settings/zoom?linked=1"
      : `/settings/zoom?error=${outcome.reason}`,
  );
});
