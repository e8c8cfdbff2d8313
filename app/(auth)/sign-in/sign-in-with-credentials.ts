import "server-only";

import { CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";

import type { ActionState } from "@/lib/action-state";
import { signIn } from "@/lib/auth/auth";
import {
  decodeSignInFailure,
  isContactClinicFailure,
  type SignInFailure,
  type SignInFailureMethod,
  signInFailureMessage,
} from "@/lib/auth/sign-in-failure";
import { findSoleClinicName } from "@/lib/organizations/find-sole-clinic-name";

/**
 * What a refused sign-in tells the person, in the request's language, naming the clinic to
 * contact when we know it.
 */
export async function describeRefusedSignIn(
  failure: SignInFailure,
  method: SignInFailureMethod,
): Promise<string> {
  const t = await getTranslations("SignInFailure");
  const clinicName = isContactClinicFailure(failure) ? await findSoleClinicName() : null;
  const { key, minutes } = signInFailureMessage(failure, method);
  return t(key, { minutes, clinic: clinicName ?? t("yourClinic") });
}

/**
 * Signs in through one of Auth.js's credentials providers, without its redirect (the action
 * redirects, outside any `try`). Returns the form's error state when the sign-in is refused, with
 * the typed `values` to put back, and null when it succeeded.
 */
export async function signInWithCredentials(
  provider: "password" | "one-time-code",
  credentials: Record<string, string>,
  values: Record<string, string>,
): Promise<ActionState | null> {
  try {
    await signIn(provider, { ...credentials, redirect: false });
    return null;
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    const method = provider === "password" ? "password" : "code";
    const message = await describeRefusedSignIn(decodeSignInFailure(error.code), method);
    return { status: "error", message, values };
  }
}
