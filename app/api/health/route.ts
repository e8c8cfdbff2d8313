// GET /api/health — readiness: 200 when the database answers, 503 otherwise
import { checkHealth } from "@/lib/health/check-health";
import { handleRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => {
  const health = await checkHealth();
  const status = health.status === "ok" ? 200 : 503;
  return Response.json(health, { status, headers: { "Cache-Control": "no-store" } });
});
