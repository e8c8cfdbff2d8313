import "server-only";

import { Role } from "@/generated/prisma/enums";
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
