import { describe, expect, it } from "vitest";

import { fieldErrorsOf } from "@/lib/errors";
import { changePasswordInputSchema } from "@/lib/portal/schemas";

const valid = {
  currentPassword: "old password",
  password: "a new password here",
  confirmPassword: "a new password here",
};

function errorsOf(input: Record<string, string>) {
  const parsed = changePasswordInputSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("changePasswordInputSchema", () => {
  it("accepts the current password and a new one typed twice", () => {
    expect(errorsOf(valid)).toEqual({});
  });

  it("puts each problem on its field", () => {
    expect(errorsOf({ ...valid, currentPassword: "" })).toEqual({
      currentPassword: ["Enter your current password."],
    });
    expect(errorsOf({ ...valid, password: "short", confirmPassword: "short" })).toEqual({
      password: ["Use a password of at least 12 characters."],
    });
    expect(errorsOf({ ...valid, confirmPassword: "something else" })).toEqual({
      confirmPassword: ["The two passwords are not the same."],
    });
  });
});
