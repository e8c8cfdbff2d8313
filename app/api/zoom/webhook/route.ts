// POST /api/zoom/webhook — Zoom event notifications (signed)
import { handleRoute, readTextCapped } from "@/lib/server/http";
import { handleZoomWebhook, WEBHOOK_TOO_LARGE } from "@/lib/zoom/webhook/handle-zoom-webhook";
import { MAX_WEBHOOK_BYTES } from "@/lib/zoom/webhook/schemas";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const rawBody = await readTextCapped(request, MAX_WEBHOOK_BYTES); // the signature covers these exact bytes
  const outcome =
    rawBody === null
      ? WEBHOOK_TOO_LARGE
      : await handleZoomWebhook({ rawBody, headers: request.headers });
  return Response.json(outcome.body, { status: outcome.status });
});
