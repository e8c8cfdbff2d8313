import "server-only";

import { PasswordLinkPurpose } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { hitRateLimit, type RateLimitRule } from "@/lib/auth/rate-limit";
import { SignInError } from "@/lib/auth/sign-in-failure";
import { db } from "@/lib/db/db";
import { emailLocaleFor } from "@/lib/email/messages/email-locale";
import { passwordResetMessage } from "@/lib/email/messages/password-reset";
import { type EmailMessage, sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { issuePasswordLink, LINK_LIFETIME_MS } from "@/lib/portal/password-links";

/** Reset emails: per address asked for, and per client address. */
export const PASSWORD_RESET_LIMITS = {
  account: { name: "password-reset:account", limit: 3, windowSeconds: 60 * 60 },
  ip: { name: "password-reset:ip", limit: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export type RequestPasswordResetOptions = {
  email: string;
  ip: string | null;
  /** The form sends after its answer, so an address with an account answers no slower. */
  deliver?: (message: EmailMessage) => Promise<unknown> | void;
};

/**
 * Forgot password: a reset link (single use, 1 hour; a newer one revokes the older) to an active
 * account's address, in a patient's preferred language (English for staff). The caller answers the same whether or not the account exists.
 */
export async function requestPasswordReset({
  email,
  ip,
  deliver = sendEmail,
}: RequestPasswordResetOptions): Promise<void> {
  const [byIp, byAccount] = await Promise.all([
    hitRateLimit(PASSWORD_RESET_LIMITS.ip, ip ?? "unknown"),
    hitRateLimit(PASSWORD_RESET_LIMITS.account, email),
  ]);
  const blocked = [byIp, byAccount].find((result) => !result.allowed);
  if (blocked) throw new SignInError({ reason: "rate_limited", value: blocked.retryAfterSeconds });

  const user = await db.user.findFirst({
    where: { email, isActive: true },
    select: {
      id: true,
      firstName: true,
      organizationId: true,
      role: true,
      subject: { select: { preferredLanguage: true } },
    },
  });
  if (!user) return;
  const token = await db.$transaction(async (tx) => {
    const issued = await issuePasswordLink(tx, {
      userId: user.id,
      purpose: PasswordLinkPurpose.RESET,
      sentById: null,
    });
    await recordAudit(tx, {
      actor: null,
      organizationId: user.organizationId,
      action: "auth.password_reset_requested",
      targetType: "user",
      targetId: user.id,
      ip,
    });
    return issued;
  });
  const message = passwordResetMessage({
    locale: emailLocaleFor({ role: user.role, preferredLanguage: user.subject?.preferredLanguage }),
    firstName: user.firstName,
    resetUrl: new URL(`/sign-in/reset-password/${token}`, env.APP_BASE_URL).toString(),
    validMinutes: LINK_LIFETIME_MS.RESET / 60_000,
  });
  await deliver({ to: email, ...message });
}
