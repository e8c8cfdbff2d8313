import "server-only";

import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import {
  assertAdmin,
  assertAnotherActiveAdmin,
  getOtherManagedUser,
  userChangeConflict,
  writeManagedUserChange,
} from "@/lib/users/managed-user";
import type { ChangeUserRoleInput } from "@/lib/users/schemas";
import type { ManagedUser } from "@/lib/users/types";

export type ChangeUserRoleOptions = ChangeUserRoleInput & { viewer: Viewer };

const PATIENT = "Patients keep the patient role: only staff roles can be changed.";
const SELF = "You cannot change your own role: ask another administrator.";

/**
 * Moves a staff member between care team and administrator. Their sessions end, so the new role
 * applies from their next sign-in rather than mid-page.
 */
export async function changeUserRole({
  viewer,
  userId,
  role,
}: ChangeUserRoleOptions): Promise<ManagedUser> {
  assertAdmin(viewer);
  return db.$transaction(async (tx) => {
    const user = await getOtherManagedUser(tx, viewer, userId, SELF);
    if (user.role === Role.PATIENT) throw userChangeConflict(PATIENT);
    if (user.role === role) throw userChangeConflict("The user already has this role.");
    await assertAnotherActiveAdmin(tx, viewer, user);
    return writeManagedUserChange(tx, viewer, user, {
      data: { role, sessionVersion: { increment: 1 } },
      action: "user.role_change",
      details: { from: user.role, to: role },
    });
  });
}
