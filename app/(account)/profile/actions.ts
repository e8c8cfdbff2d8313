"use server";

import { revalidatePath } from "next/cache";

import { Role } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { requireRole } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { runFormAction } from "@/lib/server/run-form-action";
import { videoConferenceUserIdInputSchema } from "@/lib/users/schemas";
import { updateVideoConferenceUserId } from "@/lib/users/update-video-conference-user-id";

export async function saveVideoConferenceUserIdAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN, Role.CARE_TEAM);
  return runFormAction(formData, {
    schema: videoConferenceUserIdInputSchema,
    run: (input) => updateVideoConferenceUserId({ ...input, viewer }),
    failed: (error) =>
      isAppError(error, "bad_request")
        ? { status: "error", fieldErrors: error.extra.fields }
        : actionErrorFrom(error),
    done: (saved) => {
      revalidatePath("/profile");
      return {
        status: "success",
        message: saved.videoConferenceUserId
          ? "Video Conference User ID saved."
          : "Video Conference User ID cleared.",
      };
    },
  });
}
