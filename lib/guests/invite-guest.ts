import "server-only";

import { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { sendEmail } from "@/lib/email/send-email";
import { AppError } from "@/lib/errors";
import { guestInvitationMessage } from "@/lib/guests/guest-invitation-message";
import { deriveUnusedUntil } from "@/lib/guests/guest-link-state";
import { createGuestSecret, guestLinkUrl } from "@/lib/guests/guest-token";
import type { InviteGuestFields } from "@/lib/guests/schemas";
import type { CreatedGuestLink } from "@/lib/guests/types";
import { DEFAULT_LOCALE } from "@/lib/i18n/constants";
import { parseLocale } from "@/lib/i18n/negotiate-locale";
import { errorFields, log } from "@/lib/log";
import { deriveVisitPhase, isClosedPhase, visitPhaseSelect } from "@/lib/visits/visit-phase";
import { visitsVisibleTo } from "@/lib/visits/visibility";

export type InviteGuestOptions = InviteGuestFields & { viewer: Viewer; now?: Date };

const STAFF: Role[] = [Role.CARE_TEAM, Role.ADMIN];

/**
 * Invites a guest to a visit: a new single-person link (its secret returned once, only its hash
 * stored), audited; then, when an email was given, the invitation in the chosen language (by
 * default the subject's). Checks first: the visit visible to the viewer (else not found), a
 * care-team role, the visit neither cancelled nor over.
 */
export async function inviteGuest({
  viewer,
  now = new Date(),
  ...input
}: InviteGuestOptions): Promise<CreatedGuestLink> {
  const visit = await db.visit.findFirst({
    where: { AND: [{ id: input.visitId }, visitsVisibleTo(viewer)] },
    select: {
      ...visitPhaseSelect,
      id: true,
      subjectId: true,
      subject: { select: { preferredLanguage: true } },
      organization: { select: { name: true, timeZone: true, guestLinkUnusedMinutes: true } },
    },
  });
  if (!visit) throw new AppError("not_found", "Visit not found");
  if (!STAFF.includes(viewer.role))
    throw new AppError("forbidden", "Only the care team invites guests");
  const phase = deriveVisitPhase(visit, now);
  if (phase === "cancelled") throw conflict("This visit was cancelled.");
  if (isClosedPhase(phase)) throw conflict("This visit is over.");

  const locale =
    parseLocale(input.locale) ?? parseLocale(visit.subject.preferredLanguage) ?? DEFAULT_LOCALE;
  const { secret, hash } = createGuestSecret();
  const guest = await db.$transaction(async (tx) => {
    const created = await tx.visitGuest.create({
      data: {
        organizationId: viewer.organizationId,
        visitId: visit.id,
        name: input.name,
        relationship: input.relationship,
        email: input.email,
        locale,
        tokenHash: hash,
        unusedUntil: deriveUnusedUntil(visit, visit.organization.guestLinkUnusedMinutes, now),
        createdById: viewer.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "guest.invite",
      targetType: "visit_guest",
      targetId: created.id,
      subjectId: visit.subjectId,
      details: {
        visitId: visit.id,
        relationship: input.relationship,
        delivery: input.email ? "email" : "link",
      },
    });
    return created;
  });

  const url = guestLinkUrl(secret);
  if (!input.email) return { guestId: guest.id, subjectId: visit.subjectId, url, emailed: null };
  const message = guestInvitationMessage({
    locale,
    guestName: input.name,
    clinicName: visit.organization.name,
    scheduledStart: visit.scheduledStart,
    timeZone: visit.organization.timeZone,
    url,
  });
  try {
    await sendEmail({ to: input.email, ...message });
    return { guestId: guest.id, subjectId: visit.subjectId, url, emailed: true };
  } catch (error) {
    // The link exists and is shown once: the care team can copy it instead.
    log.warn("guests.invitation_email_failed", { guestId: guest.id, ...errorFields(error) });
    return { guestId: guest.id, subjectId: visit.subjectId, url, emailed: false };
  }
}

function conflict(message: string): AppError {
  return new AppError("conflict", message, { userMessage: message });
}
