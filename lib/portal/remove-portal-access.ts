import "server-only";

import { Role } from "@/generated/prisma/enums";
import { recordUserAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { subjectsVisibleTo } from "@/lib/subjects/visibility";

export type RemovePortalAccessOptions = { subjectId: string; viewer: Viewer };

/**
 * Remove portal access: the patient's account is deactivated and its session version moves on, so
 * every session ends at once on every instance (the user_changed notification empties the caches);
 * open invitation and reset links and sign-in codes stop working. The subject can be invited again.
 */
export async function removePortalAccess({ subjectId, viewer }: RemovePortalAccessOptions) {
  if (viewer.role !== Role.CARE_TEAM && viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only staff remove portal access");
  const subject = await db.subject.findFirst({
    where: { AND: [{ id: subjectId }, subjectsVisibleTo(viewer)] },
    select: { id: true, user: { select: { id: true, isActive: true } } },
  });
  if (!subject)
    throw new AppError("not_found", "Subject not found", { userMessage: "Subject not found." });
  const user = subject.user;
  if (!user?.isActive) {
    const message = "This subject has no portal access to remove.";
    throw new AppError("conflict", message, { userMessage: message });
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { isActive: false, sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    await tx.passwordLink.updateMany({
      where: { userId: user.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.oneTimeCode.updateMany({
      where: { userId: user.id, consumedAt: null },
      data: { consumedAt: now },
    });
    await recordUserAudit(tx, viewer, "portal.access_removed", {
      userId: user.id,
      subjectId: subject.id,
    });
  });
}
