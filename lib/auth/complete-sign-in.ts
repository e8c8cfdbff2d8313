import "server-only";

import type { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { SignInError, type SignInFailureReason } from "@/lib/auth/sign-in-failure";
import { clearSignInFailures, type SignInMethod } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db/db";

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

/** The columns a sign-in reads of the user it names. */
export const signInUserSelect = {
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

/** Runs a sign-in attempt; a refusal is audited against the account it named, if any. */
export async function auditedSignInAttempt<T>(
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

/** The checks passed: the failures are forgotten, the sign-in stamped and audited. */
export async function completeSignIn(
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
  await clearSignInFailures(method, accountKey, ip);
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
