import "server-only";

import { Role } from "@/generated/prisma/enums";
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
    await lockOrganization(tx, viewer.organizationId);
    const user = await getManagedUser(tx, viewer, userId);
    if (user.role === Role.PATIENT) throw userChangeConflict(PATIENT);
    if (user.id === viewer.id) throw userChangeConflict(SELF);
    if (user.role === role) throw userChangeConflict("The user already has this role.");
    await assertAnotherActiveAdmin(tx, viewer, user);
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { role, sessionVersion: { increment: 1 } },
      select: managedUserSelect,
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "user.role_change",
      targetType: "user",
      targetId: user.id,
      details: { from: user.role, to: role },
    });
    return updated;
  });
}
