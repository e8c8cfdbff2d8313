"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { inviteToPortal } from "@/lib/portal/invite-to-portal";
import { removePortalAccess } from "@/lib/portal/remove-portal-access";
import { subjectParamsSchema } from "@/lib/subjects/schemas";

export async function inviteToPortalAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const parsed = subjectParamsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: "Subject not found." };
  let isResend: boolean;
  try {
    ({ isResend } = await inviteToPortal({ subjectId: parsed.data.subjectId, viewer }));
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath(`/subjects/${parsed.data.subjectId}`);
  return { status: "success", message: isResend ? "Invitation sent again." : "Invitation sent." };
}

export async function removePortalAccessAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const parsed = subjectParamsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: "Subject not found." };
  try {
    await removePortalAccess({ subjectId: parsed.data.subjectId, viewer });
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath(`/subjects/${parsed.data.subjectId}`);
  return { status: "success", message: "Portal access removed. Every session has ended." };
}
