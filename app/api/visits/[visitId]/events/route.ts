// GET /api/visits/[visitId]/events — the visit's live waiting room, as Server-Sent Events
import { requireApiViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/server/http";
import { findLiveVisit } from "@/lib/visits/live-visit";
import { LIVE_VISIT_HEADERS, liveVisitStream } from "@/lib/visits/live-visit-stream";
import { visitParamsSchema } from "@/lib/visits/schemas";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handleRoute<{ params: Promise<{ visitId: string }> }>(
  async (request, { params }) => {
    const viewer = await requireApiViewer();
    const parsed = visitParamsSchema.safeParse(await params);
    const initial = parsed.success ? await findLiveVisit(viewer, parsed.data.visitId) : null;
    if (!initial) throw new AppError("not_found", "Visit not found");
    const stream = liveVisitStream({ viewer, initial, signal: request.signal });
    return new Response(stream, { headers: LIVE_VISIT_HEADERS });
  },
);
