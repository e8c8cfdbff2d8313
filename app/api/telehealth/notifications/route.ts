// GET /api/telehealth/notifications — Epic-style join/leave notifications (Basic credentials)
import { handleRoute } from "@/lib/server/http";
import { handleTelehealthNotification } from "@/lib/telehealth/notifications/handle-telehealth-notification";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request) => {
  const outcome = await handleTelehealthNotification({
    url: new URL(request.url),
    headers: request.headers,
    now: new Date(),
  });
  return Response.json(outcome.body, { status: outcome.status, headers: outcome.headers });
});

// Next would answer HEAD by running GET, which records the notification: HEAD must change nothing.
export function HEAD(): Response {
  return new Response(null, { status: 405, headers: { Allow: "GET, OPTIONS" } });
}
