"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";

import { type ActionState, formText } from "@/lib/action-state";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { CODE_EMAIL_COOKIE } from "@/lib/auth/code-email-cookie";
import { CODE_TTL_MINUTES, requestSignInCode } from "@/lib/auth/one-time-code";
import { codeRequestInputSchema, codeSignInInputSchema } from "@/lib/auth/schemas";
import { SignInError } from "@/lib/auth/sign-in-failure";
import { sendEmail } from "@/lib/email/send-email";
import { localizedFieldErrors } from "@/lib/i18n/localized-field-errors";

import { describeRefusedSignIn, signInWithCredentials } from "../sign-in-with-credentials";

export async function requestCodeAction(
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
    await requestSignInCode({
      email: parsed.data.email,
      ip: clientIpFrom(await headers()),
      deliver: (message) => after(() => sendEmail(message)),
    });
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    return { status: "error", message: await describeRefusedSignIn(error.failure, "code"), values };
  }
  (await cookies()).set(CODE_EMAIL_COOKIE, parsed.data.email, {
    httpOnly: true,
    sameSite: "lax",
    path: "/sign-in",
    maxAge: CODE_TTL_MINUTES * 60,
  });
  redirect("/sign-in/code?step=enter&sent=1");
}

export async function signInWithCodeAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = codeSignInInputSchema.safeParse(Object.fromEntries(formData));
  const values = { email: formText(formData, "email") };
  if (!parsed.success) {
    return {
      status: "error",
      fieldErrors: await localizedFieldErrors(parsed.error, "email"),
      values,
    };
  }
  const refused = await signInWithCredentials("one-time-code", parsed.data, values);
  if (refused) return refused;
  (await cookies()).delete({ name: CODE_EMAIL_COOKIE, path: "/sign-in" });
  redirect("/");
}
