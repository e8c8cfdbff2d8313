import "server-only";

import type { PasswordLinkPurpose } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { consumePasswordLink } from "@/lib/portal/password-links";

export type SetPasswordWithLinkOptions = {
  token: string;
  purpose: PasswordLinkPurpose;
  password: string;
  ip: string | null;
};

/**
 * An invitation's or a reset's link sets the password: the link is used up, and every session the
 * account had ends (its session version moves on). Returns the email to sign in with.
 */
export async function setPasswordWithLink({
  token,
  purpose,
  password,
  ip,
}: SetPasswordWithLinkOptions) {
  // Hash first (it is slow), so the transaction holds its connection briefly.
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const userId = await consumePasswordLink(tx, token, purpose);
    const user = userId
      ? await tx.user.findFirst({
          where: { id: userId, isActive: true },
          select: { id: true, email: true, role: true, organizationId: true },
        })
      : null;
    if (!user) {
      const message = "This link has expired or has already been used.";
      throw new AppError("conflict", message, { userMessage: message });
    }
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: { id: user.id, role: user.role, organizationId: user.organizationId, ip },
      action: purpose === "INVITATION" ? "auth.password_set" : "auth.password_reset",
      targetType: "user",
      targetId: user.id,
    });
    return { email: user.email };
  });
}
