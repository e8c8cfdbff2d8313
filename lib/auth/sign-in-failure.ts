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
export type SignInFailureContext = {
  method?: "password" | "code";
  /** The clinic to contact, when it can be named without saying who has an account. */
  clinicName?: string | null;
};

/** Whether the message names whom to contact (the caller then looks the clinic's name up). */
export function isContactClinicFailure(failure: SignInFailure): boolean {
  return failure.reason === "rate_limited";
}

export function describeSignInFailure(
  failure: SignInFailure,
  { method = "password", clinicName = null }: SignInFailureContext = {},
): string {
  switch (failure.reason) {
    case "invalid_credentials":
      return "That email or username and password don't match an active account.";
    case "rate_limited": {
      const minutes = Math.max(1, Math.ceil((failure.value ?? 60) / 60));
      const wait = `${minutes} minute${minutes === 1 ? "" : "s"}`;
      const contact = `If you can't sign in, contact ${clinicName ?? "your clinic"}.`;
      return method === "code"
        ? `Too many sign-in attempts with a code from this network. Try again in ${wait}, or sign in with your password if you have one. ${contact}`
        : `Too many sign-in attempts from this network. Try again in ${wait}, or sign in from another device or network. ${contact}`;
    }
    case "busy":
      return "The server is busy checking sign-ins. Try again in a few seconds.";
    // One answer for a wrong, expired, used or unknown code: the form must not reveal who has an account.
    case "code_invalid":
    case "code_expired":
      return "That code is not right, or it has expired. Check the email, or request a new code.";
  }
}

/**
 * What the sign-in page says when Auth.js sends a refused sign-in back to it (`?error=`). The
 * query is anyone's to write, so the message is generic and names no account.
 */
export function describeSignInPageError(error: SignInPageError): string | undefined {
  if (error === undefined) return undefined;
  if (error === "CredentialsSignin")
    return "Sign-in failed. Check your email or username and password, and try again.";
  return "Sign-in failed. Try again.";
}
