"use server";

import { redirect } from "next/navigation";

import type { ActionState } from "@/lib/action-state";
import { requestPasswordReset } from "@/lib/portal/request-password-reset";

import { requestSignInEmail } from "../request-sign-in-email";

export async function requestPasswordResetAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const requested = await requestSignInEmail(formData, "password", requestPasswordReset);
  if (requested.refused) return requested.refused;
  redirect("/sign-in/forgot-password?sent=1");
}
