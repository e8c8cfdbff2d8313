"use server";

import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";

import { type ActionState, formText } from "@/lib/action-state";
import { signIn } from "@/lib/auth/auth";
import { callbackPathSchema, passwordSignInInputSchema } from "@/lib/auth/schemas";
import {
  decodeSignInFailure,
  describeSignInFailure,
  isContactClinicFailure,
} from "@/lib/auth/sign-in-failure";
import { fieldErrorsOf } from "@/lib/errors";
import { findSoleClinicName } from "@/lib/organizations/find-sole-clinic-name";

export async function signInWithPasswordAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = passwordSignInInputSchema.safeParse(Object.fromEntries(formData));
  const values = { identifier: formText(formData, "identifier") };
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await signIn("password", { ...parsed.data, redirect: false });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    const failure = decodeSignInFailure(error.code);
    const clinicName = isContactClinicFailure(failure) ? await findSoleClinicName() : null;
    return { status: "error", message: describeSignInFailure(failure, { clinicName }), values };
  }
  redirect(callbackPathSchema.parse(formData.get("callbackUrl")));
}
