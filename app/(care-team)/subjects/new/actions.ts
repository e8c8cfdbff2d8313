"use server";

import { redirect } from "next/navigation";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { createSubject } from "@/lib/subjects/create-subject";
import { duplicateState } from "@/lib/subjects/duplicate-state";
import { parseSubjectForm } from "@/lib/subjects/subject-form-input";

export async function addSubjectAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const input = await parseSubjectForm(formData, viewer.organizationId);
  if (!input.ok) return input.state;
  let id: string;
  try {
    const result = await createSubject({ viewer, ...input.form });
    if (result.status === "duplicate") return duplicateState(result.duplicate, input.values);
    id = result.id;
  } catch (error) {
    return { ...actionErrorFrom(error), values: input.values } as ActionState;
  }
  redirect(`/subjects/${id}`);
}
