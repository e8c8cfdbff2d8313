import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import {
  assertAdmin,
  assertAnotherActiveAdmin,
  getOtherManagedUser,
  userChangeConflict,
  writeManagedUserChange,
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
    const user = await getOtherManagedUser(tx, viewer, userId, SELF);
    if (!user.isActive) throw userChangeConflict("This user is already deactivated.");
    await assertAnotherActiveAdmin(tx, viewer, user);
    return writeManagedUserChange(tx, viewer, user, {
      data: { isActive: false, sessionVersion: { increment: 1 } },
      action: "user.deactivate",
      details: { role: user.role },
    });
  });
}
