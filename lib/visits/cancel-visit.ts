import "server-only";

import { VisitStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { publishVisitChanged } from "@/lib/realtime/publish-visit-changed";
import { getScheduledVisitForChange } from "@/lib/visits/managed-visit";
import { queueVisitMessages } from "@/lib/visit-messages/queue-visit-messages";
import { deleteZoomMeeting } from "@/lib/zoom/api/meetings";
import { findActiveZoomConnection } from "@/lib/zoom/connection";

export type CancelVisitOptions = { viewer: Viewer; visitId: string; now?: Date };

/**
 * Cancels a scheduled visit and deletes its Zoom meeting first, so no stale meeting and no working
 * link outlive it. Deleting is idempotent, so a retry after a failure finishes the job.
 */
export async function cancelVisit({ viewer, visitId, now = new Date() }: CancelVisitOptions) {
  const visit = await getScheduledVisitForChange(viewer, visitId, now);
  // Without a working Zoom link the meeting cannot be deleted, but the visit can still be cancelled.
  const connection =
    visit.zoomMeetingId === null ? null : await findActiveZoomConnection(viewer.organizationId);
  if (connection && visit.zoomMeetingId !== null)
    await deleteZoomMeeting(connection, visit.zoomMeetingId);
  const isMeetingDeleted = visit.zoomMeetingId === null || connection !== null;
  const cancelled = await db.$transaction(async (tx) => {
    const cancelled = await tx.visit.update({
      where: { id: visit.id },
      data: { status: VisitStatus.CANCELLED, cancelledAt: now },
      select: { id: true, subjectId: true, status: true },
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "visit.cancel",
      targetType: "visit",
      targetId: visit.id,
      subjectId: visit.subjectId,
      details: { isMeetingDeleted },
    });
    await publishVisitChanged(tx, visit.id);
    await queueVisitMessages(tx, { visitId: visit.id, change: "cancelled" });
    return cancelled;
  });
  return { ...cancelled, isMeetingDeleted };
}
