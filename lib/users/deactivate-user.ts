import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  assertAdmin,
  assertAnotherActiveAdmin,
  getManagedUser,
  lockOrganization,
  managedUserSelect,
} from "@/lib/users/managed-user";
import type { UserIdInput } from "@/lib/users/schemas";
import type { ManagedUser } from "@/lib/users/types";

export type DeactivateUserOptions = UserIdInput & { viewer: Viewer };

const SELF = "You cannot deactivate yourself: ask another administrator.";
const LAST_ADMIN =
  "This is the last active administrator: make someone else an administrator first.";

/**
 * Stops a user from signing in. Their session version moves on, so sessions they already have end
 * at their next request. Their records (visits, audit rows) stay.
 */
export async function deactivateUser({
  viewer,
  userId,
}: DeactivateUserOptions): Promise<ManagedUser> {
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, viewer.organizationId);
    const user = await getManagedUser(tx, viewer, userId);
    assertAdmin(viewer);
    if (user.id === viewer.id) throw new AppError("conflict", SELF, { userMessage: SELF });
    if (!user.isActive) {
      const message = "This user is already deactivated.";
      throw new AppError("conflict", message, { userMessage: message });
    }
    await assertAnotherActiveAdmin(tx, viewer, user, LAST_ADMIN);
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
