import "server-only";

import { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import type { BoardSettingsInput } from "@/lib/today/schemas";

/** Sets the clinic's long-wait threshold, no-show grace and guest links' unused window (admins only), audited. */
export async function updateBoardSettings({
  viewer,
  ...settings
}: BoardSettingsInput & { viewer: Viewer }) {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators change settings");
  return db.$transaction(async (tx) => {
    const after = await tx.organization.update({
      where: { id: viewer.organizationId },
      data: settings,
      select: {
        id: true,
        waitingAlertMinutes: true,
        noShowGraceMinutes: true,
        guestLinkUnusedMinutes: true,
      },
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "organization.update",
      targetType: "organization",
      targetId: after.id,
      details: {
        changed: ["waitingAlertMinutes", "noShowGraceMinutes", "guestLinkUnusedMinutes"],
        to: settings,
      },
    });
    return after;
  });
}
