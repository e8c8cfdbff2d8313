import "server-only";

import {
  auditedSignInAttempt,
  completeSignIn,
  type SignedInUser,
  signInUserSelect,
} from "@/lib/auth/complete-sign-in";
import { hashPassword, passwordNeedsRehash, verifyPassword } from "@/lib/auth/password";
import { SignInError } from "@/lib/auth/sign-in-failure";
import { throttleSignIn } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";

/** A password check refused because the instance is busy checking others: "try again", not a failure. */
async function checkPassword(password: string, hash: string | null): Promise<boolean> {
  try {
    return await verifyPassword(password, hash);
  } catch (error) {
    if (isAppError(error, "rate_limited")) throw new SignInError({ reason: "busy" });
    throw error;
  }
}

/**
 * After a successful sign-in, a bcrypt hash (or an argon2 hash of other parameters) is replaced
 * by one of today's, unless the password changed meanwhile. A failure here never fails the sign-in.
 */
async function rehashIfNeeded(userId: string, password: string, hash: string): Promise<void> {
  if (!passwordNeedsRehash(hash)) return;
  try {
    const passwordHash = await hashPassword(password);
    await db.user.updateMany({ where: { id: userId, passwordHash: hash }, data: { passwordHash } });
  } catch (error) {
    log.warn("auth.rehash_failed", { userId, ...errorFields(error) });
  }
}

export type PasswordSignInOptions = { identifier: string; password: string; ip: string | null };

export async function authenticateWithPassword(
  options: PasswordSignInOptions,
): Promise<SignedInUser> {
  const { identifier, password, ip } = options;
  const user = await db.user.findFirst({
    where: { OR: [{ email: identifier }, { username: identifier }] },
    select: { ...signInUserSelect, passwordHash: true },
  });
  const accountKey = user?.id ?? identifier;
  return auditedSignInAttempt(user, ip, async () => {
    await throttleSignIn("password", accountKey, ip);
    const isValid = await checkPassword(password, user?.passwordHash ?? null);
    if (!user || !isValid || !user.isActive)
      throw new SignInError({ reason: "invalid_credentials" });
    const signedIn = await completeSignIn(user, accountKey, ip, "password");
    if (user.passwordHash) await rehashIfNeeded(user.id, password, user.passwordHash);
    return signedIn;
  });
}
