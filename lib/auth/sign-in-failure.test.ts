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

  it("says how long to wait, in whole minutes", () => {
    expect(describeSignInFailure({ reason: "rate_limited", value: 61 })).toBe(
      "Too many sign-in attempts. Try again in 2 minutes.",
    );
    expect(describeSignInFailure({ reason: "rate_limited", value: 5 })).toBe(
      "Too many sign-in attempts. Try again in 1 minute.",
    );
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
