import "server-only";

import { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";

export type RevokeGuestOptions = { viewer: Viewer; guestId: string; now?: Date };

/**
 * Revokes a guest's link: it stops working at once, in every browser (the claim included).
 * Another organization's guest is not found; revoking twice changes nothing more. Audited.
 */
export async function revokeGuest({ viewer, guestId, now = new Date() }: RevokeGuestOptions) {
  return db.$transaction(async (tx) => {
    const guest = await tx.visitGuest.findFirst({
      where: { id: guestId, organizationId: viewer.organizationId },
      select: { id: true, visitId: true, revokedAt: true, visit: { select: { subjectId: true } } },
    });
    if (!guest) throw new AppError("not_found", "Guest not found");
    if (viewer.role !== Role.CARE_TEAM && viewer.role !== Role.ADMIN)
      throw new AppError("forbidden", "Only the care team revokes guest links");
    if (guest.revokedAt) return { visitId: guest.visitId, subjectId: guest.visit.subjectId };
    // Conditional, so that of two revokes racing only the one that revoked is audited.
    const revoked = await tx.visitGuest.updateMany({
      where: { id: guest.id, revokedAt: null },
      data: { revokedAt: now, revokedById: viewer.id },
    });
    if (revoked.count !== 1) return { visitId: guest.visitId, subjectId: guest.visit.subjectId };
    await recordAudit(tx, {
      actor: viewer,
      action: "guest.revoke",
      targetType: "visit_guest",
      targetId: guest.id,
      subjectId: guest.visit.subjectId,
      details: { visitId: guest.visitId },
    });
    return { visitId: guest.visitId, subjectId: guest.visit.subjectId };
  });
}
