import { describe, expect, it } from "vitest";

import {
  decodeSignInFailure,
  describeSignInFailure,
  describeSignInPageError,
  encodeSignInFailure,
} from "@/lib/auth/sign-in-failure";

describe("sign-in failure codes", () => {
  it("round-trips a reason with and without a value", () => {
    expect(
      decodeSignInFailure(encodeSignInFailure({ reason: "rate_limited", value: 540 })),
    ).toEqual({
      reason: "rate_limited",
      value: 540,
    });
    expect(decodeSignInFailure(encodeSignInFailure({ reason: "code_expired" }))).toEqual({
      reason: "code_expired",
      value: undefined,
    });
  });

  it("treats anything unknown as wrong credentials", () => {
    expect(decodeSignInFailure("credentials")).toEqual({ reason: "invalid_credentials" });
    expect(decodeSignInFailure(undefined)).toEqual({ reason: "invalid_credentials" });
  });
});

describe("describeSignInFailure", () => {
  it("does not say whether the account exists", () => {
    expect(describeSignInFailure({ reason: "invalid_credentials" })).toBe(
      "That email or username and password don't match an active account.",
    );
  });

  it("says how long to wait, in whole minutes, and what else to do", () => {
    expect(describeSignInFailure({ reason: "rate_limited", value: 61 })).toBe(
      "Too many sign-in attempts from this network. Try again in 2 minutes, or sign in from another device or network. If you can't sign in, contact your clinic.",
    );
    expect(
      describeSignInFailure(
        { reason: "rate_limited", value: 5 },
        { method: "code", clinicName: "Riverside Family Clinic" },
      ),
    ).toBe(
      "Too many sign-in attempts with a code from this network. Try again in 1 minute, or sign in with your password if you have one. If you can't sign in, contact Riverside Family Clinic.",
    );
  });

  it("asks to try again in a moment when the server is busy", () => {
    expect(describeSignInFailure({ reason: "busy" })).toMatch(/busy.*Try again in a few seconds/);
  });

  it("answers a wrong, expired or used code alike", () => {
    const message =
      "That code is not right, or it has expired. Check the email, or request a new code.";
    expect(describeSignInFailure({ reason: "code_invalid", value: 3 })).toBe(message);
    expect(describeSignInFailure({ reason: "code_expired" })).toBe(message);
  });
});

describe("describeSignInPageError", () => {
  it("says nothing without an error", () => {
    expect(describeSignInPageError(undefined)).toBeUndefined();
  });

  it("answers a refused credentials sign-in without naming an account", () => {
    expect(describeSignInPageError("CredentialsSignin")).toBe(
      "Sign-in failed. Check your email or username and password, and try again.",
    );
  });

  it("answers any other error generically", () => {
    expect(describeSignInPageError("Other")).toBe("Sign-in failed. Try again.");
  });
});
