// POST /api/zoom/webhook — Zoom event notifications (signed)
import { badRequest, handleRoute, readTextCapped } from "@/lib/http";
import { handleZoomWebhook } from "@/lib/zoom/webhook/handle-zoom-webhook";
import { MAX_WEBHOOK_BYTES } from "@/lib/zoom/webhook/schemas";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const rawBody = await readTextCapped(request, MAX_WEBHOOK_BYTES); // the signature covers these exact bytes
  if (rawBody === null) return badRequest("Body larger than 1 MB", undefined, 413);
  const outcome = await handleZoomWebhook({ rawBody, headers: request.headers });
  return Response.json(outcome.body, { status: outcome.status });
});
