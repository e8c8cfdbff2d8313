import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { PasswordLinkPurpose, Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { emailLocaleFor } from "@/lib/email/messages/email-locale";
import { portalInvitationMessage } from "@/lib/email/messages/portal-invitation";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { issuePasswordLink, LINK_LIFETIME_MS } from "@/lib/portal/password-links";
import { subjectsVisibleTo } from "@/lib/subjects/visibility";

export type InviteToPortalOptions = { subjectId: string; viewer: Viewer };

const refuse = (message: string) => new AppError("conflict", message, { userMessage: message });

/**
 * Invite to portal, or Resend invitation: the subject's patient account (created on the first
 * invitation, linked through Subject.userId; a removed one is opened again without its old
 * password), a new set-password link that revokes the previous one, and the email. The email is
 * sent after the commit, in the subject's preferred language; if the mail server refuses it, the invitation stands and can be resent.
 */
export async function inviteToPortal({ subjectId, viewer }: InviteToPortalOptions) {
  if (viewer.role !== Role.CARE_TEAM && viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only staff invite patients");
  const subject = await db.subject.findFirst({
    where: { AND: [{ id: subjectId }, subjectsVisibleTo(viewer)] },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      preferredLanguage: true,
      user: { select: { id: true, isActive: true, lastSignInAt: true } },
      organization: { select: { name: true } },
    },
  });
  if (!subject)
    throw new AppError("not_found", "Subject not found", { userMessage: "Subject not found." });
  if (!subject.email) throw refuse("Add an email address to the subject first.");
  if (subject.user?.isActive && subject.user.lastSignInAt)
    throw refuse("This patient already uses the portal.");
  const email = subject.email;
  const isResend = Boolean(subject.user?.isActive);

  const { token, userId } = await db
    .$transaction(async (tx) => {
      const user = subject.user
        ? await tx.user.update({
            where: { id: subject.user.id },
            // Opened again after a removal: a fresh start, without the old password.
            data: subject.user.isActive ? {} : { isActive: true, passwordHash: null },
            select: { id: true },
          })
        : await tx.user.create({
            data: {
              organizationId: viewer.organizationId,
              role: Role.PATIENT,
              email,
              firstName: subject.firstName,
              lastName: subject.lastName,
              passwordHash: null,
              subject: { connect: { id: subject.id } },
            },
            select: { id: true },
          });
      const issued = await issuePasswordLink(tx, {
        userId: user.id,
        purpose: PasswordLinkPurpose.INVITATION,
        sentById: viewer.id,
      });
      await recordAudit(tx, {
        actor: viewer,
        action: isResend ? "portal.invitation_resent" : "portal.invite",
        targetType: "user",
        targetId: user.id,
        subjectId: subject.id,
      });
      return { token: issued, userId: user.id };
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw refuse("Another CareVisit account already uses this email address.");
      throw error;
    });

  const message = portalInvitationMessage({
    locale: emailLocaleFor({ role: Role.PATIENT, preferredLanguage: subject.preferredLanguage }),
    firstName: subject.firstName,
    clinicName: subject.organization.name,
    setPasswordUrl: new URL(`/sign-in/invitation/${token}`, env.APP_BASE_URL).toString(),
    codeSignInUrl: new URL("/sign-in/code", env.APP_BASE_URL).toString(),
    validDays: LINK_LIFETIME_MS.INVITATION / (24 * 60 * 60_000),
  });
  try {
    await sendEmail({ to: email, ...message });
  } catch (cause) {
    throw new AppError("upstream_unavailable", "Invitation email not sent", {
      cause,
      userMessage:
        "The invitation was saved, but the mail server did not take the email. Try Resend invitation in a moment.",
    });
  }
  return { userId, isResend };
}
