import { describe, expect, it } from "vitest";

import { createTranslator } from "next-intl";

import {
  decodeSignInFailure,
  encodeSignInFailure,
  type SignInFailure,
  type SignInFailureMethod,
  signInFailureMessage,
  signInPageErrorKey,
} from "@/lib/auth/sign-in-failure";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

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

function describe_(
  failure: SignInFailure,
  {
    method,
    clinic = "your clinic",
    messages = en,
  }: { method?: SignInFailureMethod; clinic?: string; messages?: typeof en } = {},
) {
  const t = createTranslator({ locale: "en", messages, namespace: "SignInFailure" });
  const { key, minutes } = signInFailureMessage(failure, method);
  return t(key, { minutes, clinic });
}

describe("signInFailureMessage", () => {
  it("does not say whether the account exists", () => {
    expect(describe_({ reason: "invalid_credentials" })).toBe(
      "That email or username and password don't match an active account.",
    );
  });

  it("says how long to wait, in whole minutes, and what else to do", () => {
    expect(describe_({ reason: "rate_limited", value: 61 })).toBe(
      "Too many sign-in attempts from this network. Try again in 2 minutes, or sign in from another device or network. If you can't sign in, contact your clinic.",
    );
    expect(
      describe_(
        { reason: "rate_limited", value: 5 },
        { method: "code", clinic: "Riverside Family Clinic" },
      ),
    ).toBe(
      "Too many sign-in attempts with a code from this network. Try again in 1 minute, or sign in with your password if you have one. If you can't sign in, contact Riverside Family Clinic.",
    );
  });

  it("says it in Spanish too, with the minutes in agreement", () => {
    expect(
      describe_({ reason: "rate_limited", value: 61 }, { clinic: "su clínica", messages: es }),
    ).toContain("Vuelva a intentarlo en 2 minutos");
    expect(describe_({ reason: "rate_limited", value: 30 }, { messages: es })).toContain(
      "en 1 minuto,",
    );
  });

  it("asks to try again in a moment when the server is busy", () => {
    expect(describe_({ reason: "busy" })).toMatch(/busy.*Try again in a few seconds/);
  });

  it("answers a wrong, expired or used code alike", () => {
    const message =
      "That code is not right, or it has expired. Check the email, or request a new code.";
    expect(describe_({ reason: "code_invalid", value: 3 })).toBe(message);
    expect(describe_({ reason: "code_expired" })).toBe(message);
  });
});

describe("signInPageErrorKey", () => {
  it("says nothing without an error", () => {
    expect(signInPageErrorKey(undefined)).toBeUndefined();
  });

  it("answers a refused credentials sign-in without naming an account", () => {
    expect(signInPageErrorKey("CredentialsSignin")).toBe("pageCredentials");
    expect(en.SignInFailure.pageCredentials).toBe(
      "Sign-in failed. Check your email or username and password, and try again.",
    );
  });

  it("answers any other error generically", () => {
    expect(signInPageErrorKey("Other")).toBe("pageOther");
  });
});
