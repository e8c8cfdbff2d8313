"use server";

import { redirect } from "next/navigation";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom, formText } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { duplicateState } from "@/lib/subjects/duplicate-state";
import { subjectParamsSchema } from "@/lib/subjects/schemas";
import { parseSubjectForm } from "@/lib/subjects/subject-form-input";
import { updateSubject } from "@/lib/subjects/update-subject";

const CONFIRM =
  "This subject signs in to the portal with their email. Tick “Change the sign-in email too” to change both.";

export async function editSubjectAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const params = subjectParamsSchema.safeParse({ subjectId: formText(formData, "subjectId") });
  if (!params.success) return { status: "error", message: "Subject not found." };
  const input = await parseSubjectForm(formData, viewer.organizationId);
  if (!input.ok) return input.state;
  const confirmEmailChange = formText(formData, "confirmEmailChange") === "on";
  try {
    const result = await updateSubject({
      viewer,
      ...params.data,
      ...input.form,
      confirmEmailChange,
    });
    if (result.status === "duplicate") return duplicateState(result.duplicate, input.values);
    if (result.status === "confirm_email")
      return { status: "error", fieldErrors: { email: [CONFIRM] }, values: input.values };
  } catch (error) {
    return { ...actionErrorFrom(error), values: input.values } as ActionState;
  }
  redirect(`/subjects/${params.data.subjectId}`);
}
