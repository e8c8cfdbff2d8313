"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { fieldErrorsOf } from "@/lib/errors";
import {
  subjectSettingsInputSchema,
  updateSubjectSettings,
} from "@/lib/organizations/subject-settings";

export async function updateSubjectSettingsAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = subjectSettingsInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await updateSubjectSettings({ ...parsed.data, viewer });
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath("/settings");
  return { status: "success", message: "Subject settings saved." };
}
