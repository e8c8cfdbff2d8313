import "server-only";

import { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { publishVisitChanged } from "@/lib/realtime/publish-visit-changed";
import type { UndoNoShowInput } from "@/lib/visits/no-show/schemas";
import { visitsVisibleTo } from "@/lib/visits/visibility";

export type UndoNoShowOptions = UndoNoShowInput & { viewer: Viewer; now?: Date };

/**
 * Takes back a wrong no-show (the patient did attend, by phone or unrecognised): the visit is no
 * longer a no-show anywhere, the job never marks it again, and the reason is audited.
 */
export async function undoNoShow({ viewer, visitId, reason, now = new Date() }: UndoNoShowOptions) {
  const visit = await db.visit.findFirst({
    where: { AND: [{ id: visitId }, visitsVisibleTo(viewer)] },
    select: { id: true, subjectId: true },
  });
  if (!visit) throw new AppError("not_found", "Visit not found");
  if (viewer.role === Role.PATIENT)
    throw new AppError("forbidden", "Only the care team can undo a no-show");
  return db.$transaction(async (tx) => {
    const undone = await tx.visit.updateMany({
      where: { id: visit.id, noShowAt: { not: null } },
      data: { noShowAt: null, noShowUndoneAt: now },
    });
    if (undone.count === 0)
      throw new AppError("conflict", "Visit is not a no-show", {
        userMessage: "This visit is not marked as a no-show.",
      });
    await recordAudit(tx, {
      actor: viewer,
      action: "visit.no_show_undo",
      targetType: "visit",
      targetId: visit.id,
      subjectId: visit.subjectId,
      details: { reason },
    });
    await publishVisitChanged(tx, visit.id);
    return { visitId: visit.id };
  });
}
