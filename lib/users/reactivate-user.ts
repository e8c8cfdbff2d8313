import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import {
  assertAdmin,
  getManagedUser,
  managedUserSelect,
  userChangeConflict,
} from "@/lib/users/managed-user";
import type { UserIdInput } from "@/lib/users/schemas";
import type { ManagedUser } from "@/lib/users/types";

export type ReactivateUserOptions = UserIdInput & { viewer: Viewer };

/** Lets a deactivated user sign in again (with their password as it was, or after a reset). */
export async function reactivateUser({
  viewer,
  userId,
}: ReactivateUserOptions): Promise<ManagedUser> {
  assertAdmin(viewer);
  return db.$transaction(async (tx) => {
    const user = await getManagedUser(tx, viewer, userId);
    if (user.isActive) throw userChangeConflict("This user is already active.");
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
