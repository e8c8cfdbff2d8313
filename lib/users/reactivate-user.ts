import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertAdmin, getManagedUser, managedUserSelect } from "@/lib/users/managed-user";
import type { UserIdInput } from "@/lib/users/schemas";
import type { ManagedUser } from "@/lib/users/types";

export type ReactivateUserOptions = UserIdInput & { viewer: Viewer };

/** Lets a deactivated user sign in again (with their password as it was, or after a reset). */
export async function reactivateUser({
  viewer,
  userId,
}: ReactivateUserOptions): Promise<ManagedUser> {
  return db.$transaction(async (tx) => {
    const user = await getManagedUser(tx, viewer, userId);
    assertAdmin(viewer);
    if (user.isActive) {
      const message = "This user is already active.";
      throw new AppError("conflict", message, { userMessage: message });
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { isActive: true },
      select: managedUserSelect,
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "user.reactivate",
      targetType: "user",
      targetId: user.id,
      details: { role: user.role },
    });
    return updated;
  });
}
