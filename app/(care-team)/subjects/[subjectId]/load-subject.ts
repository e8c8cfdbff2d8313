import { notFound } from "next/navigation";
import { cache } from "react";

import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { findSubjectForViewer } from "@/lib/subjects/find-subject";
import { subjectParamsSchema } from "@/lib/subjects/schemas";

/** The subject of this URL for the signed-in care team member, read (and audited) once per request. */
export const loadSubject = cache(async (subjectId: string) => {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const parsed = subjectParamsSchema.safeParse({ subjectId });
  if (!parsed.success) notFound();
  const subject = await findSubjectForViewer({ subjectId: parsed.data.subjectId, viewer });
  if (!subject) notFound();
  return { viewer, subject };
});
