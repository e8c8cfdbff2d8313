import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/lib/auth/types";
import { pooledSql } from "@/lib/db/sql";
import { buildFindSubjectSql } from "@/lib/subjects/find-subject.sql";
import { SUBJECT_FIELDS_SELECT } from "@/lib/subjects/subject-data";

export const subjectDetailSelect = {
  id: true,
  ...SUBJECT_FIELDS_SELECT,
  remindersOptedOutAt: true,
  user: { select: { id: true, isActive: true } },
} satisfies Prisma.SubjectSelect;

export type SubjectDetail = Prisma.SubjectGetPayload<{ select: typeof subjectDetailSelect }>;

export type FindSubjectOptions = { subjectId: string; viewer: Viewer };

/**
 * The subject if the viewer may see it (else null), with the read recorded in the audit trail by
 * the same statement (find-subject.sql.ts).
 */
export async function findSubjectForViewer({
  subjectId,
  viewer,
}: FindSubjectOptions): Promise<SubjectDetail | null> {
  const [subject] = await pooledSql.query<SubjectDetail>(
    buildFindSubjectSql(subjectId, viewer, {
      actor: viewer,
      action: "subject.view",
      targetType: "subject",
      targetId: subjectId,
      subjectId,
    }),
  );
  return subject ?? null;
}
