// GET /api/device-check/network?bytes=N — the device check's round trip (N = 0) and download (N random bytes)
import { requireApiViewer } from "@/lib/auth/viewer";
import { badRequest, handleRoute } from "@/lib/server/http";
import { networkProbePayload } from "@/lib/visits/device-check/network-probe";
import { networkProbeQuerySchema } from "@/lib/visits/device-check/schemas";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request) => {
  await requireApiViewer(); // signed in: the route is not a free download for anyone
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = networkProbeQuerySchema.safeParse(query);
  if (!parsed.success) return badRequest("Invalid network check", parsed.error);
  return new Response(parsed.data.bytes === 0 ? null : networkProbePayload(parsed.data.bytes), {
    headers: {
      "Cache-Control": "no-store",
      "Content-Type": "application/octet-stream",
      "Content-Length": String(parsed.data.bytes),
    },
  });
});
