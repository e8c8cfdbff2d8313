import type { SignInPageError } from "@/lib/auth/schemas";

// Why a sign-in failed, carried from the Auth.js provider to the form as a short code.

export type SignInFailureReason =
  "invalid_credentials" | "rate_limited" | "code_invalid" | "code_expired" | "busy";

export type SignInFailure = { reason: SignInFailureReason; value?: number };

export class SignInError extends Error {
  constructor(readonly failure: SignInFailure) {
    super(`Sign-in failed: ${failure.reason}`);
    this.name = "SignInError";
  }
}

export function encodeSignInFailure(failure: SignInFailure): string {
  return failure.value === undefined ? failure.reason : `${failure.reason}:${failure.value}`;
}

const REASONS = new Set<string>([
  "invalid_credentials",
  "rate_limited",
  "code_invalid",
  "code_expired",
  "busy",
]);

export function decodeSignInFailure(code: string | undefined): SignInFailure {
  const [reason = "", value] = (code ?? "").split(":");
  if (!REASONS.has(reason)) return { reason: "invalid_credentials" };
  const number = Number(value);
  return {
    reason: reason as SignInFailureReason,
    value: Number.isFinite(number) ? number : undefined,
  };
}

/** Where the failure happened, for what the message tells the person to do. */
export type SignInFailureMethod = "password" | "code";

/** Whether the message names whom to contact (the caller then looks the clinic's name up). */
export function isContactClinicFailure(failure: SignInFailure): boolean {
  return failure.reason === "rate_limited";
}

/**
 * The message for a failure, as its key in the catalogs' "SignInFailure" namespace (messages/)
 * and the minutes to wait. The caller adds the clinic's name for `rateLimited…` ({clinic}).
 */
export type SignInFailureMessage = {
  key: "invalidCredentials" | "rateLimitedPassword" | "rateLimitedCode" | "busy" | "codeInvalid";
  minutes: number;
};

export function signInFailureMessage(
  failure: SignInFailure,
  method: SignInFailureMethod = "password",
): SignInFailureMessage {
  const minutes = Math.max(1, Math.ceil((failure.value ?? 60) / 60));
  switch (failure.reason) {
    case "invalid_credentials":
      return { key: "invalidCredentials", minutes };
    case "rate_limited":
      return { key: method === "code" ? "rateLimitedCode" : "rateLimitedPassword", minutes };
    case "busy":
      return { key: "busy", minutes };
    // One answer for a wrong, expired, used or unknown code: the form must not reveal who has an account.
    case "code_invalid":
    case "code_expired":
      return { key: "codeInvalid", minutes };
  }
}

/**
 * What the sign-in page says when Auth.js sends a refused sign-in back to it (`?error=`), as its
 * key in "SignInFailure". The query is anyone's to write, so the message is generic and names no account.
 */
export function signInPageErrorKey(
  error: SignInPageError,
): "pageCredentials" | "pageOther" | undefined {
  if (error === undefined) return undefined;
  return error === "CredentialsSignin" ? "pageCredentials" : "pageOther";
}
