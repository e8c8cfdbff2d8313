import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import {
  assertAdmin,
  assertAnotherActiveAdmin,
  getManagedUser,
  lockOrganization,
  managedUserSelect,
  userChangeConflict,
} from "@/lib/users/managed-user";
import type { UserIdInput } from "@/lib/users/schemas";
import type { ManagedUser } from "@/lib/users/types";

export type DeactivateUserOptions = UserIdInput & { viewer: Viewer };

const SELF = "You cannot deactivate yourself: ask another administrator.";

/**
 * Stops a user from signing in. Their session version moves on, so sessions they already have end
 * at their next request. Their records (visits, audit rows) stay.
 */
export async function deactivateUser({
  viewer,
  userId,
}: DeactivateUserOptions): Promise<ManagedUser> {
  assertAdmin(viewer);
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, viewer.organizationId);
    const user = await getManagedUser(tx, viewer, userId);
    if (user.id === viewer.id) throw userChangeConflict(SELF);
    if (!user.isActive) throw userChangeConflict("This user is already deactivated.");
    await assertAnotherActiveAdmin(tx, viewer, user);
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { isActive: false, sessionVersion: { increment: 1 } },
      select: managedUserSelect,
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "user.deactivate",
      targetType: "user",
      targetId: user.id,
      details: { role: user.role },
    });
    return updated;
  });
}
