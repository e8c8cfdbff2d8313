import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { findCurrentConsentVersion } from "@/lib/consent/find-current-version";
import { ConsentRefusal } from "@/lib/consent/consent-refusal";
import type { AcceptConsentInput } from "@/lib/consent/schemas";
import { isSignatureOf } from "@/lib/consent/signature";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { visitsVisibleTo } from "@/lib/visits/visibility";

export type AcceptConsentOptions = Omit<AcceptConsentInput, "agreed"> & { viewer: Viewer };

/**
 * Records the patient's acceptance of the clinic's current consent, from one of their own visits:
 * the version they read (a newer one is "stale"), the name they typed, when, and from which address
 * (the trusted proxies' client address). Once per version; audited in the same transaction.
 */
export async function acceptTelehealthConsent({
  viewer,
  visitId,
  version,
  signedName,
}: AcceptConsentOptions) {
  const visit = await db.visit.findFirst({
    where: { AND: [{ id: visitId }, visitsVisibleTo(viewer)] },
    select: { id: true, subject: { select: { id: true, firstName: true, lastName: true } } },
  });
  if (!visit) throw new AppError("not_found", "Visit not found");
  if (viewer.role !== Role.PATIENT)
    throw new AppError("forbidden", "Only the patient can give their consent");
  if (!isSignatureOf(signedName, visit.subject)) {
    const name = `${visit.subject.firstName} ${visit.subject.lastName}`;
    throw new ConsentRefusal("wrongName", `Type your full name as your clinic has it: ${name}.`, {
      name,
    });
  }
  try {
    return await db.$transaction(async (tx) => {
      const current = await findCurrentConsentVersion(tx, viewer.organizationId);
      if (!current)
        throw new ConsentRefusal("noConsent", "Your clinic has no consent for you to sign.");
      if (current.version !== version)
        throw new ConsentRefusal(
          "stale",
          `Your clinic changed the consent while you were reading it. Please read the new version (version ${current.version}) and sign again.`,
          { version: current.version },
        );
      const consent = await tx.telehealthConsent.create({
        data: {
          organizationId: viewer.organizationId,
          subjectId: visit.subject.id,
          userId: viewer.id,
          versionId: current.id,
          version: current.version,
          signedName: signedName.trim().replace(/\s+/g, " "),
          ip: viewer.ip,
        },
        select: { id: true, version: true, acceptedAt: true },
      });
      await recordAudit(tx, {
        actor: viewer,
        action: "consent.accept",
        targetType: "subject",
        targetId: visit.subject.id,
        subjectId: visit.subject.id,
        details: { version: consent.version, visitId: visit.id },
      });
      return consent;
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"))
      throw error;
    const earlier = await db.telehealthConsent.findFirst({
      where: { subjectId: visit.subject.id, version },
      select: { acceptedAt: true },
    });
    const when = earlier ? ` on ${formatDateTime(earlier.acceptedAt, viewer.timeZone)}` : "";
    throw new ConsentRefusal(
      "already",
      `You already gave your consent to this version${when}.`,
      { acceptedAt: earlier?.acceptedAt },
      error,
    );
  }
}
