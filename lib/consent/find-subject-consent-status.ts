import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { readConsentStatus } from "@/lib/consent/consent-status";
import type { ConsentStatus } from "@/lib/consent/types";
import { db } from "@/lib/db/db";
import { subjectsVisibleTo } from "@/lib/subjects/visibility";

export type FindSubjectConsentStatusOptions = { viewer: Viewer; subjectId: string };

/** The subject's consent status for the care team (their Overview and Video Conferencing pages), or null. */
export async function findSubjectConsentStatus({
  viewer,
  subjectId,
}: FindSubjectConsentStatusOptions): Promise<ConsentStatus | null> {
  const subject = await db.subject.findFirst({
    where: { AND: [{ id: subjectId }, subjectsVisibleTo(viewer)] },
    select: { id: true },
  });
  if (!subject) return null;
  return readConsentStatus(db, viewer.organizationId, subject.id);
}
