// POST /api/zoom/webhook — Zoom event notifications (signed)
import { webBodySource } from "@/lib/inbound/read-body-capped";
import { handleRoute } from "@/lib/server/http";
import { receiveZoomWebhook } from "@/lib/zoom/webhook/handle-zoom-webhook";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const outcome = await receiveZoomWebhook(webBodySource(request), request.headers);
  return Response.json(outcome.body, { status: outcome.status });
});
