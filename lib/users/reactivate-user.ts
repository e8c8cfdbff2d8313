import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import {
  assertAdmin,
  getManagedUser,
  userChangeConflict,
  writeManagedUserChange,
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
    return writeManagedUserChange(tx, viewer, user, {
      data: { isActive: true },
      action: "user.reactivate",
      details: { role: user.role },
    });
  });
}
