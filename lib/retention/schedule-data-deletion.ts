import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { type DataDeletionReason, DataDeletionStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/db";
import { env } from "@/lib/env";

export type ScheduleDataDeletionOptions = {
  organizationId: string;
  zoomAccountId: string;
  reason: DataDeletionReason;
  retentionAllowed: boolean;
  requestedAt: Date;
  deauthorizationEvent?: Prisma.InputJsonObject;
};

/**
 * Records a deletion request when Zoom is unlinked. Without retention the purge is due
 * RETENTION_PURGE_DELAY_HOURS later (default 24: time to export what the clinic must keep by law),
 * always well inside the 10 days Zoom allows (docs/protocols/zoom-oauth.md#data-compliance). With
 * retention nothing is deleted.
 */
export async function scheduleDataDeletion(tx: Tx, options: ScheduleDataDeletionOptions) {
  const dueAt = new Date(
    options.requestedAt.getTime() + env.RETENTION_PURGE_DELAY_HOURS * 3_600_000,
  );
  return tx.dataDeletionRequest.create({
    data: {
      ...options,
      status: options.retentionAllowed
        ? DataDeletionStatus.NOT_REQUIRED
        : DataDeletionStatus.PENDING,
      dueAt,
    },
    select: { id: true, status: true, dueAt: true },
  });
}
