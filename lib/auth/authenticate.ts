import "server-only";

import type { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifySignInCode } from "@/lib/auth/one-time-code";
import { hashPassword, passwordNeedsRehash, verifyPassword } from "@/lib/auth/password";
import {
  hitRateLimit,
  refundRateLimit,
  resetRateLimit,
  SIGN_IN_LIMITS,
} from "@/lib/auth/rate-limit";
import { SignInError, type SignInFailureReason } from "@/lib/auth/sign-in-failure";
import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";

/** What Auth.js puts in the session token. */
export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  sessionVersion: number;
  /** The clinic's idle timeout, which the session is begun under. */
  sessionIdleMinutes: number;
};

const signInUserSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  role: true,
  organizationId: true,
  sessionVersion: true,
  isActive: true,
  organization: { select: { sessionIdleMinutes: true } },
} as const;

type Candidate = { id: string; role: Role; organizationId: string } | null;

type SignInMethod = "password" | "one_time_code";

const LIMITS_OF = {
  password: {
    account: SIGN_IN_LIMITS.passwordAccount,
    accountAddress: SIGN_IN_LIMITS.passwordAccountAddress,
  },
  one_time_code: {
    account: SIGN_IN_LIMITS.codeAccount,
    accountAddress: SIGN_IN_LIMITS.codeAccountAddress,
  },
} as const;

const addressOf = (ip: string | null) => ip ?? "unknown";
const accountAddressKey = (accountKey: string, ip: string | null) =>
  `${accountKey}\u0000${addressOf(ip)}`;

/**
 * Counts the attempt and refuses it when its address has been failing: across accounts (the
 * address's limit), or on this account once the account has had too many failures from anywhere.
 * An address that has not been failing on the account may always try, so guessing at someone's
 * account slows the guesser down but never locks the owner out. Each method counts on its own.
 */
async function throttle(method: SignInMethod, accountKey: string, ip: string | null) {
  const byIp = await hitRateLimit(SIGN_IN_LIMITS.ip, addressOf(ip));
  if (!byIp.allowed)
    throw new SignInError({ reason: "rate_limited", value: byIp.retryAfterSeconds });
  const limits = LIMITS_OF[method];
  const [byAccount, byAccountAddress] = await Promise.all([
    hitRateLimit(limits.account, accountKey),
    hitRateLimit(limits.accountAddress, accountAddressKey(accountKey, ip)),
  ]);
  if (!byAccount.allowed && !byAccountAddress.allowed)
    throw new SignInError({ reason: "rate_limited", value: byAccountAddress.retryAfterSeconds });
}

async function recordFailure(candidate: Candidate, ip: string | null, reason: SignInFailureReason) {
  await recordAudit(db, {
    actor: null,
    organizationId: candidate?.organizationId ?? null,
    action: "auth.sign_in_failed",
    targetType: "user",
    targetId: candidate?.id ?? null,
    ip,
    details: { reason },
  });
}

async function completeSignIn(
  user: NonNullable<Candidate> & {
    email: string;
    firstName: string;
    lastName: string;
    sessionVersion: number;
    organization: { sessionIdleMinutes: number };
  },
  accountKey: string,
  ip: string | null,
  method: SignInMethod,
): Promise<SignedInUser> {
  await Promise.all([
    resetRateLimit(LIMITS_OF[method].account, accountKey),
    resetRateLimit(LIMITS_OF[method].accountAddress, accountAddressKey(accountKey, ip)),
    refundRateLimit(SIGN_IN_LIMITS.ip, addressOf(ip)),
  ]);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { lastSignInAt: new Date() },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: { id: user.id, role: user.role, organizationId: user.organizationId, ip },
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      details: { method },
    });
  });
  return {
    id: user.id,
    email: user.email,
    name: `${user.firstName} ${user.lastName}`,
    role: user.role,
    organizationId: user.organizationId,
    sessionVersion: user.sessionVersion,
    sessionIdleMinutes: user.organization.sessionIdleMinutes,
  };
}

async function guarded<T>(
  candidate: Candidate,
  ip: string | null,
  attempt: () => Promise<T>,
): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof SignInError) await recordFailure(candidate, ip, error.failure.reason);
    throw error;
  }
}

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
  return guarded(user, ip, async () => {
    await throttle("password", accountKey, ip);
    const isValid = await checkPassword(password, user?.passwordHash ?? null);
    if (!user || !isValid || !user.isActive)
      throw new SignInError({ reason: "invalid_credentials" });
    const signedIn = await completeSignIn(user, accountKey, ip, "password");
    if (user.passwordHash) await rehashIfNeeded(user.id, password, user.passwordHash);
    return signedIn;
  });
}

export type CodeSignInOptions = { email: string; code: string; ip: string | null };

export async function authenticateWithCode(options: CodeSignInOptions): Promise<SignedInUser> {
  const { email, code, ip } = options;
  const user = await db.user.findFirst({
    where: { email, isActive: true },
    select: signInUserSelect,
  });
  const accountKey = user?.id ?? email;
  return guarded(user, ip, async () => {
    await throttle("one_time_code", accountKey, ip);
    const userId = await verifySignInCode({ email, code });
    if (!user || user.id !== userId) throw new SignInError({ reason: "code_expired" });
    return completeSignIn(user, accountKey, ip, "one_time_code");
  });
}
