import "server-only";

import { randomInt } from "node:crypto";

import { Role } from "@/generated/prisma/enums";
import { hitRateLimit, SIGN_IN_LIMITS } from "@/lib/auth/rate-limit";
import { SignInError } from "@/lib/auth/sign-in-failure";
import { hmacSha256Hex, safeEqual } from "@/lib/crypto/hmac";
import { db } from "@/lib/db/db";
import { emailLocaleFor } from "@/lib/email/messages/email-locale";
import { signInCodeMessage } from "@/lib/email/messages/sign-in-code";
import { type EmailMessage, sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// Patients' one-time sign-in codes: 6 digits, 10 minutes, single use, 5 wrong tries.
// Codes are stored as an HMAC keyed by AUTH_SECRET, so a database copy cannot be brute-forced offline.

export const CODE_TTL_MINUTES = 10;
export const CODE_MAX_FAILED_TRIES = 5;

function hashCode(userId: string, code: string): string {
  return hmacSha256Hex(env.AUTH_SECRET, `one-time-code:${userId}:${code}`);
}

async function findPatient(email: string) {
  return db.user.findFirst({
    where: { email, role: Role.PATIENT, isActive: true },
    select: { id: true, firstName: true, subject: { select: { preferredLanguage: true } } },
  });
}

export type RequestSignInCodeOptions = {
  email: string;
  ip: string | null;
  /**
   * Sends the email. The sign-in form passes one that sends after the response, so that an address
   * with an account does not answer measurably slower than one without.
   */
  deliver?: (message: EmailMessage) => Promise<unknown> | void;
};

/**
 * Emails a code, in the patient's preferred language, when the address belongs to an active patient. The caller shows the same answer
 * either way, so the form does not reveal who has an account.
 */
export async function requestSignInCode({
  email,
  ip,
  deliver = sendEmail,
}: RequestSignInCodeOptions): Promise<void> {
  const [byIp, byAccount] = await Promise.all([
    hitRateLimit(SIGN_IN_LIMITS.ip, ip ?? "unknown"),
    hitRateLimit(SIGN_IN_LIMITS.codeRequest, email),
  ]);
  const blocked = [byIp, byAccount].find((result) => !result.allowed);
  if (blocked) throw new SignInError({ reason: "rate_limited", value: blocked.retryAfterSeconds });

  const patient = await findPatient(email);
  if (!patient) return;

  const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
  const now = new Date();
  await db.$transaction([
    // Only the newest code works.
    db.oneTimeCode.updateMany({
      where: { userId: patient.id, consumedAt: null },
      data: { consumedAt: now },
    }),
    db.oneTimeCode.create({
      data: {
        userId: patient.id,
        codeHash: hashCode(patient.id, code),
        expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
      },
      select: { id: true },
    }),
  ]);
  const message = signInCodeMessage({
    locale: emailLocaleFor({
      role: Role.PATIENT,
      preferredLanguage: patient.subject?.preferredLanguage,
    }),
    firstName: patient.firstName,
    code,
    enterCodeUrl: new URL("/sign-in/code?step=enter", env.APP_BASE_URL).toString(),
    validMinutes: CODE_TTL_MINUTES,
  });
  await deliver({ to: email, ...message });
  log.info("auth.code_issued", { userId: patient.id });
}

export type VerifySignInCodeOptions = { email: string; code: string };

/** Returns the patient's id when the code is right, and consumes it; throws SignInError otherwise. */
export async function verifySignInCode({ email, code }: VerifySignInCodeOptions): Promise<string> {
  const patient = await findPatient(email);
  const now = new Date();
  const active = patient
    ? await db.oneTimeCode.findFirst({
        where: { userId: patient.id, consumedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        select: { id: true, codeHash: true, failedTries: true },
      })
    : null;
  if (!patient || !active || active.failedTries >= CODE_MAX_FAILED_TRIES) {
    throw new SignInError({ reason: "code_expired" });
  }

  if (!safeEqual(hashCode(patient.id, code), active.codeHash)) {
    const failedTries = active.failedTries + 1;
    await db.oneTimeCode.update({
      where: { id: active.id },
      data: {
        failedTries: { increment: 1 },
        consumedAt: failedTries >= CODE_MAX_FAILED_TRIES ? now : undefined,
      },
      select: { id: true },
    });
    const triesLeft = CODE_MAX_FAILED_TRIES - failedTries;
    if (triesLeft <= 0) throw new SignInError({ reason: "code_expired" });
    throw new SignInError({ reason: "code_invalid", value: triesLeft });
  }

  // Single use even under concurrent submissions: only one update can match.
  const { count } = await db.oneTimeCode.updateMany({
    where: {
      id: active.id,
      consumedAt: null,
      expiresAt: { gt: now },
      failedTries: { lt: CODE_MAX_FAILED_TRIES },
    },
    data: { consumedAt: now },
  });
  if (count !== 1) throw new SignInError({ reason: "code_expired" });
  return patient.id;
}
