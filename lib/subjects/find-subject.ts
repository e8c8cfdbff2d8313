import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { SUBJECT_FIELDS_SELECT } from "@/lib/subjects/subject-data";
import { subjectsVisibleTo } from "@/lib/subjects/visibility";

export const subjectDetailSelect = {
  id: true,
  ...SUBJECT_FIELDS_SELECT,
  remindersOptedOutAt: true,
  user: { select: { id: true, isActive: true } },
} satisfies Prisma.SubjectSelect;

export type SubjectDetail = Prisma.SubjectGetPayload<{ select: typeof subjectDetailSelect }>;

export type FindSubjectOptions = { subjectId: string; viewer: Viewer };

/** The subject if the viewer may see it (else null), with the read recorded in the audit trail. */
export async function findSubjectForViewer({
  subjectId,
  viewer,
}: FindSubjectOptions): Promise<SubjectDetail | null> {
  const subject = await db.subject.findFirst({
    where: { AND: [{ id: subjectId }, subjectsVisibleTo(viewer)] },
    select: subjectDetailSelect,
  });
  if (!subject) return null;
  await recordAudit(db, {
    actor: viewer,
    action: "subject.view",
    targetType: "subject",
    targetId: subject.id,
    subjectId: subject.id,
  });
  return subject;
}
