import "server-only";

import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import {
  deriveConsentStatus,
  findLatestAcceptance,
  isConsentNeeded,
} from "@/lib/consent/consent-status";
import { parseConsentText } from "@/lib/consent/consent-text";
import { findCurrentConsentVersion } from "@/lib/consent/find-current-version";
import type { ConsentRequest, ConsentStatus } from "@/lib/consent/types";
import { db } from "@/lib/db/db";

export type PatientConsent = {
  status: ConsentStatus;
  /** The text to read and sign, when the patient is asked for it. */
  request: ConsentRequest | null;
  clinicPhone: string | null;
};

/** The signed-in patient's consent: their status, the text they are asked to sign, the clinic's phone. */
export async function findPatientConsent({
  viewer,
}: {
  viewer: Viewer;
}): Promise<PatientConsent | null> {
  if (viewer.role !== Role.PATIENT || !viewer.subjectId) return null;
  const subjectId = viewer.subjectId;
  const [current, latest, subject, organization] = await Promise.all([
    findCurrentConsentVersion(db, viewer.organizationId),
    findLatestAcceptance(db, viewer.organizationId, subjectId),
    db.subject.findFirst({
      where: { id: subjectId, organizationId: viewer.organizationId, userId: viewer.id },
      select: { firstName: true, lastName: true },
    }),
    db.organization.findUniqueOrThrow({
      where: { id: viewer.organizationId },
      select: { phone: true },
    }),
  ]);
  if (!subject) return null;
  const status = deriveConsentStatus(current?.version ?? null, latest);
  const isAsked = isConsentNeeded(status);
  return {
    status,
    request:
      isAsked && current
        ? {
            version: current.version,
            blocks: parseConsentText(current.body),
            expectedName: `${subject.firstName} ${subject.lastName}`,
          }
        : null,
    clinicPhone: organization.phone,
  };
}
