import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { resolveBoardScope } from "@/lib/today/board-scope";
import { boardStream } from "@/lib/today/board-stream";
import type { BoardQuery } from "@/lib/today/schemas";
import { boardStreamSlots } from "@/lib/today/stream-slots";

export type OpenBoardStreamOptions = { viewer: Viewer; query: BoardQuery; signal: AbortSignal };

/**
 * A board's stream for the viewer: "not found" for a scope they may not see, 429 past the
 * user's open streams on this instance. Opening it is audited as a read of the board.
 */
export async function openBoardStream({ viewer, query, signal }: OpenBoardStreamOptions) {
  const scope = await resolveBoardScope(viewer, query);
  const release = boardStreamSlots().take(viewer.id);
  try {
    await recordAudit(db, {
      actor: viewer,
      action: "today.view",
      targetType: "visit",
      details: { stream: true, providerId: scope.providerId, from: scope.from.toISOString() },
    });
  } catch (error) {
    release();
    throw error;
  }
  return boardStream({ viewer, scope, signal, onClose: release });
}
