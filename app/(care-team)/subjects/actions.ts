"use server";

import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { subjectSearchParamsSchema } from "@/lib/subjects/schemas";
import { searchSubjects } from "@/lib/subjects/search-subjects";
import type { SubjectSearchResult } from "@/lib/subjects/types";

/**
 * The search box's search: a POST, so that names, dates of birth and phone numbers stay out of
 * URLs, history and proxy logs (decision 029). Anything unusable falls back to a default.
 */
export async function searchSubjectsAction(input: unknown): Promise<SubjectSearchResult> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const params = subjectSearchParamsSchema.parse(
    typeof input === "object" && input !== null ? input : {},
  );
  return searchSubjects({ ...params, viewer });
}
