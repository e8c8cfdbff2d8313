"use server";

import { redirect } from "next/navigation";

import { PasswordLinkPurpose } from "@/generated/prisma/enums";
import type { ActionState } from "@/lib/action-state";

import { setPasswordWithLinkAndSignIn } from "../../set-password-with-link-and-sign-in";

export async function resetPasswordAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const refused = await setPasswordWithLinkAndSignIn(formData, PasswordLinkPurpose.RESET);
  if (refused) return refused;
  redirect("/");
}
