"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";

import { type ActionState, formText } from "@/lib/action-state";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { codeRequestInputSchema } from "@/lib/auth/schemas";
import { SignInError } from "@/lib/auth/sign-in-failure";
import { sendEmail } from "@/lib/email/send-email";
import { localizedFieldErrors } from "@/lib/i18n/localized-field-errors";
import { requestPasswordReset } from "@/lib/portal/request-password-reset";

import { describeRefusedSignIn } from "../sign-in-with-credentials";

export async function requestPasswordResetAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = codeRequestInputSchema.safeParse(Object.fromEntries(formData));
  const values = { email: formText(formData, "email") };
  if (!parsed.success) {
    return {
      status: "error",
      fieldErrors: await localizedFieldErrors(parsed.error, "email"),
      values,
    };
  }
  try {
    await requestPasswordReset({
      email: parsed.data.email,
      ip: clientIpFrom(await headers()),
      deliver: (message) => after(() => sendEmail(message)),
    });
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    return {
      status: "error",
      message: await describeRefusedSignIn(error.failure, "password"),
      values,
    };
  }
  redirect("/sign-in/forgot-password?sent=1");
}
