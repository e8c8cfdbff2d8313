import "server-only";

import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { assertAdmin, getManagedUser, writeManagedUserChange } from "@/lib/users/managed-user";
import type { ResetUserPasswordInput } from "@/lib/users/schemas";
import type { ManagedUser } from "@/lib/users/types";

export type ResetUserPasswordOptions = ResetUserPasswordInput & { viewer: Viewer };

/**
 * Sets a new password the admin typed, and ends every session the user has (whoever knew the old
 * password is signed out). An admin resetting their own password is signed out too.
 */
export async function resetUserPassword({
  viewer,
  userId,
  password,
}: ResetUserPasswordOptions): Promise<ManagedUser> {
  assertAdmin(viewer);
  // Hashing takes about 40 ms (off the event loop): before the transaction, which then holds its connection briefly.
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await getManagedUser(tx, viewer, userId);
    return writeManagedUserChange(tx, viewer, user, {
      data: { passwordHash, sessionVersion: { increment: 1 } },
      action: "user.password_reset",
    });
  });
}
