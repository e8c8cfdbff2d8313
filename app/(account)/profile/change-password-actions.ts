"use server";

import { redirect } from "next/navigation";

import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { signIn } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/change-password";
import { requireRole } from "@/lib/auth/viewer";
import { Role } from "@/generated/prisma/enums";
import { fieldErrorsOf, isAppError } from "@/lib/errors";
import { changePasswordInputSchema } from "@/lib/portal/schemas";

export async function changePasswordAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireRole(Role.ADMIN, Role.CARE_TEAM, Role.PATIENT);
  const parsed = changePasswordInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const { currentPassword, password } = parsed.data;
  let email: string;
  try {
    ({ email } = await changePassword({ viewer, currentPassword, newPassword: password }));
  } catch (error) {
    if (isAppError(error, "bad_request"))
      return { status: "error", fieldErrors: error.extra.fields };
    return actionErrorFrom(error);
  }
  // Every session ended, this one too: sign this browser in again with the new password.
  await signIn("password", { identifier: email, password, redirect: false });
  redirect("/profile?password=changed");
}
