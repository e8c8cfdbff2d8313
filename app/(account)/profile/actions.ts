"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { fieldErrorsOf, isAppError } from "@/lib/errors";
import { videoConferenceUserIdInputSchema } from "@/lib/users/schemas";
import { updateVideoConferenceUserId } from "@/lib/users/update-video-conference-user-id";

export async function saveVideoConferenceUserIdAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN, Role.CARE_TEAM);
  const parsed = videoConferenceUserIdInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  let saved: { videoConferenceUserId: string | null };
  try {
    saved = await updateVideoConferenceUserId({ ...parsed.data, viewer });
  } catch (error) {
    if (isAppError(error, "bad_request"))
      return { status: "error", fieldErrors: error.extra.fields };
    return actionErrorFrom(error);
  }
  revalidatePath("/profile");
  return {
    status: "success",
    message: saved.videoConferenceUserId
      ? "Video Conference User ID saved."
      : "Video Conference User ID cleared.",
  };
}
