import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { DataDeletionReason, DataDeletionStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/db";
import { errorFields, log } from "@/lib/log";
import { appDeauthorizedPayloadSchema } from "@/lib/retention/schemas";
import { purgeZoomData } from "@/lib/retention/purge-zoom-data";
import { findZoomSettings } from "@/lib/zoom/config";
import { reportDataCompliance } from "@/lib/zoom/oauth-client";

const BATCH = 20;

/** Purges every deletion request that is due, then tells Zoom's Data Compliance API. Idempotent. */
export async function runDueDeletions(
  now = new Date(),
): Promise<{ purged: number; reported: number }> {
  const due = await db.dataDeletionRequest.findMany({
    where: { status: DataDeletionStatus.PENDING, dueAt: { lte: now } },
    orderBy: { dueAt: "asc" },
    take: BATCH,
    select: { id: true, organizationId: true, requestedAt: true },
  });
  for (const request of due) {
    await db.$transaction(async (tx) => {
      // Claimed first: a Cancel deletion (or a relink) committed meanwhile leaves it CANCELLED,
      // and one that comes later waits for this transaction and then finds nothing pending.
      const { count } = await tx.dataDeletionRequest.updateMany({
        where: { id: request.id, status: DataDeletionStatus.PENDING },
        data: { status: DataDeletionStatus.COMPLETED, completedAt: now },
      });
      if (count === 0) return;
      const counts = await purgeZoomData(tx, request.organizationId, {
        before: request.requestedAt,
        now,
      });
      await tx.dataDeletionRequest.update({
        where: { id: request.id },
        data: { deletedCounts: counts },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: null,
        organizationId: request.organizationId,
        action: "retention.purged",
        targetType: "data_deletion_request",
        targetId: request.id,
        details: counts,
      });
    });
    log.info("retention.purged", { dataDeletionRequestId: request.id });
  }
  return { purged: due.length, reported: await reportCompletedDeletions(now) };
}

/**
 * Zoom asks to be told once a deauthorized account's data is deleted.
 * @see docs/protocols/zoom-oauth.md#data-compliance
 */
async function reportCompletedDeletions(now: Date): Promise<number> {
  const settings = findZoomSettings();
  if (!settings) return 0;
  const unreported = await db.dataDeletionRequest.findMany({
    where: {
      status: DataDeletionStatus.COMPLETED,
      reason: DataDeletionReason.DEAUTHORIZED_IN_ZOOM,
      complianceReportedAt: null,
    },
    take: BATCH,
    select: { id: true, zoomAccountId: true, deauthorizationEvent: true },
  });
  let reported = 0;
  for (const request of unreported) {
    const event = appDeauthorizedPayloadSchema.safeParse(request.deauthorizationEvent);
    try {
      await reportDataCompliance(settings, {
        account_id: request.zoomAccountId,
        user_id: event.data?.user_id,
        deauthorization_event_received: request.deauthorizationEvent ?? {
          account_id: request.zoomAccountId,
        },
      });
      // Reported: the event (with the Zoom user's id) is no longer needed either.
      await db.dataDeletionRequest.update({
        where: { id: request.id },
        data: { complianceReportedAt: now, deauthorizationEvent: Prisma.DbNull },
        select: { id: true },
      });
      reported++;
    } catch (error) {
      log.warn("retention.compliance_report_failed", {
        dataDeletionRequestId: request.id,
        ...errorFields(error),
      });
    }
  }
  return reported;
}
