"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";

import { type ActionState, formText } from "@/lib/action-state";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { codeRequestInputSchema } from "@/lib/auth/schemas";
import { describeSignInFailure, SignInError } from "@/lib/auth/sign-in-failure";
import { sendEmail } from "@/lib/email/send-email";
import { fieldErrorsOf } from "@/lib/errors";
import { requestPasswordReset } from "@/lib/portal/request-password-reset";

export async function requestPasswordResetAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = codeRequestInputSchema.safeParse(Object.fromEntries(formData));
  const values = { email: formText(formData, "email") };
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await requestPasswordReset({
      email: parsed.data.email,
      ip: clientIpFrom(await headers()),
      deliver: (message) => after(() => sendEmail(message)),
    });
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    return { status: "error", message: describeSignInFailure(error.failure), values };
  }
  redirect("/sign-in/forgot-password?sent=1");
}
