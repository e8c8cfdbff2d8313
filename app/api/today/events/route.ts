// GET /api/today/events — the Today board's live rows, one Server-Sent Events stream per board
import { Role } from "@/generated/prisma/enums";
import { requireApiViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { badRequest, handleRoute } from "@/lib/server/http";
import { instantToZonedTime } from "@/lib/time-zone";
import { openBoardStream } from "@/lib/today/open-board-stream";
import { buildBoardQuerySchema } from "@/lib/today/schemas";
import { EVENT_STREAM_HEADERS } from "@/lib/realtime/event-stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handleRoute(async (request) => {
  const viewer = await requireApiViewer();
  if (viewer.role === Role.PATIENT) throw new AppError("not_found", "Not found");
  const today = instantToZonedTime(new Date(), viewer.timeZone).date;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = buildBoardQuerySchema(today).safeParse(query);
  if (!parsed.success) return badRequest("Invalid board filter", parsed.error);
  const stream = await openBoardStream({ viewer, query: parsed.data, signal: request.signal });
  return new Response(stream, { headers: EVENT_STREAM_HEADERS });
});
