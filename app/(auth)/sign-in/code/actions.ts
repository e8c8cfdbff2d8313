"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import type { ActionState } from "@/lib/action-state";
import { CODE_EMAIL_COOKIE } from "@/lib/auth/code-email-cookie";
import { CODE_TTL_MINUTES, requestSignInCode } from "@/lib/auth/one-time-code";
import { codeSignInInputSchema } from "@/lib/auth/schemas";

import { parseEmailForm, requestSignInEmail } from "../request-sign-in-email";
import { signInWithCredentials } from "../sign-in-with-credentials";

export async function requestCodeAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const requested = await requestSignInEmail(formData, "code", requestSignInCode);
  if (requested.refused) return requested.refused;
  (await cookies()).set(CODE_EMAIL_COOKIE, requested.data.email, {
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
  const parsed = await parseEmailForm(codeSignInInputSchema, formData);
  if (parsed.refused) return parsed.refused;
  const refused = await signInWithCredentials("one-time-code", parsed.data, parsed.values);
  if (refused) return refused;
  (await cookies()).delete({ name: CODE_EMAIL_COOKIE, path: "/sign-in" });
  redirect("/");
}
