import "server-only";

import { PasswordLinkPurpose } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import type { PortalAccess } from "@/lib/portal/types";
import { subjectsVisibleTo } from "@/lib/subjects/visibility";

/**
 * Not invited (no account), invited (an account that never signed in, with its newest invitation),
 * active (signed in at least once, or an account made without an invitation), or access removed.
 */
export async function getPortalAccess({
  subjectId,
  viewer,
}: {
  subjectId: string;
  viewer: Viewer;
}): Promise<PortalAccess | null> {
  const subject = await db.subject.findFirst({
    where: { AND: [{ id: subjectId }, subjectsVisibleTo(viewer)] },
    select: {
      email: true,
      user: {
        select: {
          isActive: true,
          lastSignInAt: true,
          passwordLinks: {
            where: { purpose: PasswordLinkPurpose.INVITATION },
            orderBy: { createdAt: "desc" },
            take: 1,
            select: {
              createdAt: true,
              expiresAt: true,
              sentBy: { select: { firstName: true, lastName: true } },
            },
          },
        },
      },
    },
  });
  if (!subject) return null;
  const hasEmail = Boolean(subject.email);
  const user = subject.user;
  if (!user) return { state: "not_invited", hasEmail };
  if (!user.isActive) return { state: "removed", hasEmail };
  const invitation = user.passwordLinks[0];
  if (!user.lastSignInAt && invitation) {
    const sender = invitation.sentBy;
    return {
      state: "invited",
      hasEmail,
      invitedAt: invitation.createdAt,
      invitedBy: sender ? `${sender.firstName} ${sender.lastName}` : null,
      expiresAt: invitation.expiresAt,
    };
  }
  return { state: "active", hasEmail, lastSignInAt: user.lastSignInAt };
}
