import "server-only";

import { recordUserAudit } from "@/lib/audit/record-audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { hitRateLimit, refundRateLimit } from "@/lib/auth/rate-limit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";

/** Wrong current passwords per account: the form must not become a way to guess passwords. */
const CHANGE_PASSWORD_LIMIT = { name: "password-change:account", limit: 5, windowSeconds: 15 * 60 };

const WRONG = "That is not your current password.";

export type ChangePasswordOptions = {
  viewer: Viewer;
  currentPassword: string;
  newPassword: string;
};

/**
 * The viewer changes their own password: the current one must match, the new one is stored as an
 * argon2id hash and every session of the account ends (its session version moves on; the caller
 * signs this browser in again). Returns the email to sign in with.
 */
export async function changePassword({
  viewer,
  currentPassword,
  newPassword,
}: ChangePasswordOptions) {
  const limited = await hitRateLimit(CHANGE_PASSWORD_LIMIT, viewer.id);
  if (!limited.allowed) {
    const message = "Too many wrong passwords. Try again in a few minutes.";
    throw new AppError("rate_limited", message, { userMessage: message });
  }
  const user = await db.user.findFirst({
    where: { id: viewer.id, organizationId: viewer.organizationId, isActive: true },
    select: { email: true, passwordHash: true },
  });
  if (!user?.passwordHash) throw new AppError("not_found", "No password to change");
  if (!(await verifyPassword(currentPassword, user.passwordHash)))
    throw new AppError("bad_request", WRONG, { fields: { currentPassword: [WRONG] } });
  await refundRateLimit(CHANGE_PASSWORD_LIMIT, viewer.id);
  // Hash before the transaction (it is slow), so the transaction holds its connection briefly.
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: viewer.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    await recordUserAudit(tx, viewer, "auth.password_change");
  });
  return { email: user.email };
}
