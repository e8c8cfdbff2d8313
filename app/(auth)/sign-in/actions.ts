"use server";

import { redirect } from "next/navigation";

import { type ActionState, formText } from "@/lib/action-state";
import { callbackPathSchema, passwordSignInInputSchema } from "@/lib/auth/schemas";
import { localizedFieldErrors } from "@/lib/i18n/localized-field-errors";

import { signInWithCredentials } from "./sign-in-with-credentials";

export async function signInWithPasswordAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = passwordSignInInputSchema.safeParse(Object.fromEntries(formData));
  const values = { identifier: formText(formData, "identifier") };
  if (!parsed.success) {
    return {
      status: "error",
      fieldErrors: await localizedFieldErrors(parsed.error, "signIn"),
      values,
    };
  }
  const refused = await signInWithCredentials("password", parsed.data, values);
  if (refused) return refused;
  redirect(callbackPathSchema.parse(formData.get("callbackUrl")));
}
