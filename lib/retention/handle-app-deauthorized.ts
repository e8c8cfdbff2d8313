import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { DataDeletionReason, ZoomConnectionStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/db";
import { log } from "@/lib/log";
import { endZoomConnection } from "@/lib/retention/end-zoom-connection";
import type { AppDeauthorizedPayload } from "@/lib/retention/schemas";

export type DeauthorizationOutcome = { isApplied: boolean; organizationId: string | null };

/** Ends the account's connection and schedules the purge, inside the webhook's transaction. */
export async function handleAppDeauthorized(
  tx: Tx,
  event: { payload: AppDeauthorizedPayload; raw: Prisma.InputJsonObject },
  receivedAt: Date,
): Promise<DeauthorizationOutcome> {
  const { payload } = event;
  const connection = await tx.zoomConnection.findFirst({
    where: { zoomAccountId: payload.account_id, status: { not: ZoomConnectionStatus.REMOVED } },
    select: { id: true, organizationId: true, zoomAccountId: true },
  });
  if (!connection) return { isApplied: false, organizationId: null };
  const retentionAllowed = payload.user_data_retention;
  const isApplied = await endZoomConnection(tx, {
    connection,
    reason: DataDeletionReason.DEAUTHORIZED_IN_ZOOM,
    retentionAllowed,
    at: receivedAt,
    actor: null,
    deauthorizationEvent: event.raw,
  });
  if (isApplied)
    log.info("zoom.deauthorized", { organizationId: connection.organizationId, retentionAllowed });
  return { isApplied, organizationId: connection.organizationId };
}
