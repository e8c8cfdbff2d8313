"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { fieldErrorsOf } from "@/lib/errors";
import { updateOrganizationSettings } from "@/lib/organizations/organization-settings";
import { organizationSettingsInputSchema } from "@/lib/organizations/schemas";

export async function updateOrganizationAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = organizationSettingsInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await updateOrganizationSettings({ ...parsed.data, viewer });
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath("/settings");
  return { status: "success", message: "Settings saved." };
}
