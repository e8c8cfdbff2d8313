import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { DataDeletionReason, DataDeletionStatus, Role } from "@/generated/prisma/enums";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db, type Tx } from "@/lib/db/db";
import { AppError } from "@/lib/errors";

type CancelledBy = "admin" | "relinked";

/** Cancels the pending deletions `where` selects, each audited; the purge skips them from then on. */
async function cancelPendingDeletions(
  tx: Tx,
  where: Prisma.DataDeletionRequestWhereInput,
  { actor, cancelledBy, at }: { actor: AuditActor | null; cancelledBy: CancelledBy; at: Date },
): Promise<string[]> {
  const pending = await tx.dataDeletionRequest.findMany({
    where: { ...where, status: DataDeletionStatus.PENDING },
    select: { id: true, organizationId: true },
  });
  for (const request of pending) {
    // The purge locks what it completes: whichever comes second changes nothing.
    const { count } = await tx.dataDeletionRequest.updateMany({
      where: { id: request.id, status: DataDeletionStatus.PENDING },
      data: { status: DataDeletionStatus.CANCELLED, cancelledAt: at },
    });
    if (count === 0) continue;
    await recordAudit(tx, {
      actor,
      organizationId: request.organizationId,
      action: "retention.cancelled",
      targetType: "data_deletion_request",
      targetId: request.id,
      details: { cancelledBy },
    });
  }
  return pending.map((request) => request.id);
}

/**
 * An admin's Cancel deletion of a removal made in CareVisit, until the purge has run. A deletion
 * Zoom asked for (the app removed in Zoom) is Zoom's requirement: only relinking cancels it.
 */
export async function cancelDataDeletion({
  viewer,
  requestId,
}: {
  viewer: Viewer;
  requestId: string;
}): Promise<void> {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators cancel deletions");
  const cancelled = await db.$transaction((tx) =>
    cancelPendingDeletions(
      tx,
      {
        id: requestId,
        organizationId: viewer.organizationId,
        reason: DataDeletionReason.REMOVED_BY_ADMIN,
      },
      { actor: viewer, cancelledBy: "admin", at: new Date() },
    ),
  );
  if (cancelled.length === 0)
    throw new AppError("not_found", "No pending deletion to cancel", {
      userMessage: "This deletion has already run or was cancelled.",
    });
}

/** Zoom linked again to the account the data came from: the clinic keeps it after all. */
export function cancelDeletionsOnRelink(
  tx: Tx,
  {
    organizationId,
    zoomAccountId,
    actor,
  }: { organizationId: string; zoomAccountId: string; actor: AuditActor },
): Promise<string[]> {
  return cancelPendingDeletions(
    tx,
    { organizationId, zoomAccountId },
    { actor, cancelledBy: "relinked", at: new Date() },
  );
}
