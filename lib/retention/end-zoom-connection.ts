import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { DataDeletionReason, ZoomConnectionStatus } from "@/generated/prisma/enums";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db/db";
import { scheduleDataDeletion } from "@/lib/retention/schedule-data-deletion";

export type EndZoomConnectionOptions = {
  connection: { id: string; organizationId: string; zoomAccountId: string };
  reason: DataDeletionReason;
  retentionAllowed: boolean;
  at: Date;
  actor: AuditActor | null;
  /** The app_deauthorized payload as received, for Zoom's Data Compliance API. */
  deauthorizationEvent?: Prisma.InputJsonObject;
  auditDetails?: Record<string, boolean>;
};

/**
 * Ends a Zoom connection, whichever side removed the app: the tokens are forgotten, nobody can
 * create meetings, and the retention choice becomes a deletion request, all audited in one transaction.
 */
export async function endZoomConnection(
  tx: Tx,
  options: EndZoomConnectionOptions,
): Promise<boolean> {
  const { connection, at } = options;
  const { count } = await tx.zoomConnection.updateMany({
    where: { id: connection.id, status: { not: ZoomConnectionStatus.REMOVED } },
    data: {
      status: ZoomConnectionStatus.REMOVED,
      accessToken: null,
      refreshToken: null,
      refreshLeaseUntil: null,
      removedAt: at,
      // A refresh that was under way cannot write its tokens onto the ended connection.
      tokenVersion: { increment: 1 },
    },
  });
  // Ended already from the other side (an admin's removal racing app_deauthorized): once is enough.
  if (count === 0) return false;
  await scheduleDataDeletion(tx, {
    organizationId: connection.organizationId,
    zoomAccountId: connection.zoomAccountId,
    reason: options.reason,
    retentionAllowed: options.retentionAllowed,
    requestedAt: at,
    deauthorizationEvent: options.deauthorizationEvent,
  });
  await recordAudit(tx, {
    actor: options.actor,
    organizationId: connection.organizationId,
    action:
      options.reason === DataDeletionReason.DEAUTHORIZED_IN_ZOOM
        ? "zoom.deauthorized"
        : "zoom.unlink",
    targetType: "zoom_connection",
    targetId: connection.id,
    details: { retentionAllowed: options.retentionAllowed, ...options.auditDetails },
  });
  return true;
}
