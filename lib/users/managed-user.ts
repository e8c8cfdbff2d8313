import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import type { AuditAction } from "@/lib/audit/actions";
import { recordUserAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import type { Tx } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { buildLockOrganizationSql } from "@/lib/users/managed-user.sql";
import type { ManagedUser } from "@/lib/users/types";

// What the user-management use cases share: who may manage users, finding the user in the viewer's
// organization, and the "at least one active administrator" rule.

export const managedUserSelect = {
  id: true,
  firstName: true,
  lastName: true,
  role: true,
  isActive: true,
} as const;

const LAST_ADMIN =
  "This is the last active administrator: make someone else an administrator first.";

/** A refusal the page shows as it is. */
export function userChangeConflict(message: string): AppError {
  return new AppError("conflict", message, { userMessage: message });
}

export function assertAdmin(viewer: Viewer): void {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators manage users");
}

/**
 * Locks the organization's row, so that changes that could leave it without an active
 * administrator (two admins deactivating each other at once) run one after the other.
 */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<void> {
  await tx.$queryRaw(buildLockOrganizationSql(organizationId));
}

/** The user, if they belong to the viewer's organization; otherwise not_found. */
export async function getManagedUser(tx: Tx, viewer: Viewer, userId: string): Promise<ManagedUser> {
  const user = await tx.user.findFirst({
    where: { id: userId, organizationId: viewer.organizationId },
    select: managedUserSelect,
  });
  if (!user) throw new AppError("not_found", "User not found", { userMessage: "User not found." });
  return user;
}

/**
 * The first step of a change to another user: the organization locked (see lockOrganization), the
 * user found in it, and `selfRefusal` when the viewer would change themself.
 */
export async function getOtherManagedUser(
  tx: Tx,
  viewer: Viewer,
  userId: string,
  selfRefusal: string,
): Promise<ManagedUser> {
  await lockOrganization(tx, viewer.organizationId);
  const user = await getManagedUser(tx, viewer, userId);
  if (user.id === viewer.id) throw userChangeConflict(selfRefusal);
  return user;
}

type ManagedUserChange = {
  data: Prisma.UserUpdateInput;
  action: AuditAction;
  details?: Prisma.InputJsonValue;
};

/** The last step: the user's row changed and the change audited, in the caller's transaction. */
export async function writeManagedUserChange(
  tx: Tx,
  viewer: Viewer,
  user: ManagedUser,
  { data, action, details }: ManagedUserChange,
): Promise<ManagedUser> {
  const updated = await tx.user.update({
    where: { id: user.id },
    data,
    select: managedUserSelect,
  });
  await recordUserAudit(tx, viewer, action, { userId: user.id, details });
  return updated;
}

/** Refuses a change that would leave the organization without an active administrator. */
export async function assertAnotherActiveAdmin(
  tx: Tx,
  viewer: Viewer,
  user: ManagedUser,
): Promise<void> {
  if (user.role !== Role.ADMIN || !user.isActive) return;
  const others = await tx.user.count({
    where: {
      organizationId: viewer.organizationId,
      role: Role.ADMIN,
      isActive: true,
      id: { not: user.id },
    },
  });
  if (others === 0) throw userChangeConflict(LAST_ADMIN);
}
