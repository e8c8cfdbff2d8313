"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom, invalidInputState } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { fieldErrorsOf, isAppError } from "@/lib/errors";
import { cancelDataDeletion } from "@/lib/retention/cancel-data-deletion";
import { cancelDataDeletionInputSchema } from "@/lib/retention/schemas";
import { removeZoomLink } from "@/lib/zoom/link/remove-zoom-link";
import { removeZoomLinkInputSchema } from "@/lib/zoom/link/schemas";
import { startZoomLink } from "@/lib/zoom/link/start-zoom-link";

export async function startZoomLinkAction(): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  let authorizeUrl: string;
  try {
    ({ authorizeUrl } = await startZoomLink({ viewer }));
  } catch (error) {
    if (isAppError(error, "conflict")) return { status: "error", message: error.publicMessage };
    throw error;
  }
  redirect(authorizeUrl);
}

export async function removeZoomLinkAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = removeZoomLinkInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  let isRevokedAtZoom: boolean;
  try {
    ({ isRevokedAtZoom } = await removeZoomLink({
      viewer,
      retainData: parsed.data.retention === "keep",
    }));
  } catch (error) {
    if (isAppError(error, "not_found")) return { status: "error", message: error.publicMessage };
    throw error;
  }
  redirect(`/settings/zoom?removed=${isRevokedAtZoom ? "revoked" : "unconfirmed"}`);
}

export async function cancelDataDeletionAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = cancelDataDeletionInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInputState(parsed.error, ["requestId"]);
  try {
    await cancelDataDeletion({ viewer, requestId: parsed.data.requestId });
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath("/settings/zoom");
  return { status: "success", message: "Deletion cancelled: the Zoom data is kept." };
}
