"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import type { Viewer } from "@/lib/auth/types";
import { requireRole } from "@/lib/auth/viewer";
import { inviteToPortal } from "@/lib/portal/invite-to-portal";
import { removePortalAccess } from "@/lib/portal/remove-portal-access";
import { subjectParamsSchema } from "@/lib/subjects/schemas";

type PortalChange = (options: { subjectId: string; viewer: Viewer }) => Promise<string>;

/** Runs one change to the subject the form names, answering with the message `change` returns. */
async function changePortal(formData: FormData, change: PortalChange): Promise<ActionState> {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const parsed = subjectParamsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: "Subject not found." };
  let message: string;
  try {
    message = await change({ subjectId: parsed.data.subjectId, viewer });
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath(`/subjects/${parsed.data.subjectId}`);
  return { status: "success", message };
}

export async function inviteToPortalAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return changePortal(formData, async (options) => {
    const { isResend } = await inviteToPortal(options);
    return isResend ? "Invitation sent again." : "Invitation sent.";
  });
}

export async function removePortalAccessAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return changePortal(formData, async (options) => {
    await removePortalAccess(options);
    return "Portal access removed. Every session has ended.";
  });
}
