import { describe, expect, it } from "vitest";

import { callbackPathFromQuery } from "@/lib/auth/callback-path";
import {
  codeRequestInputSchema,
  codeSignInInputSchema,
  passwordSignInInputSchema,
  signInPageErrorSchema,
} from "@/lib/auth/schemas";

describe("passwordSignInInputSchema", () => {
  it("normalises the identifier", () => {
    expect(
      passwordSignInInputSchema.parse({ identifier: "  Provider@CareVisit.test ", password: "x" }),
    ).toEqual({
      identifier: "provider@carevisit.test",
      password: "x",
    });
  });

  it.each([
    [{}, ["identifier", "password"]],
    [{ identifier: "", password: "" }, ["identifier", "password"]],
    [{ identifier: "a".repeat(255), password: "x" }, ["identifier"]],
    [{ identifier: "a", password: "x".repeat(201) }, ["password"]],
    [{ identifier: ["a", "b"], password: "x" }, ["identifier"]],
  ])("rejects %j", (input, fields) => {
    const result = passwordSignInInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(fields);
  });

  // PostgreSQL refuses text with NUL (22021): such an identifier must never reach a query.
  it.each([
    "pro\u0000vider",
    "pro\u0001vider",
    "pro\tvider",
    "pro\nvider",
    "pro\u007fvider",
    "pro\u0085vider",
    "pro\u200bvider",
    "pro\u202evider",
    "pro\ufeffvider",
  ])("refuses the identifier %j, which has a control or invisible character", (identifier) => {
    const result = passwordSignInInputSchema.safeParse({ identifier, password: "x" });
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      [
        "identifier",
        "That email or username has an invisible character in it, such as a tab. Type it again.",
      ],
    ]);
  });

  it("accepts letters of any script and punctuation in the identifier", () => {
    for (const identifier of ["jané.o'hara+1@clinic.org", "ЖЖЖ", "provider_2"]) {
      expect(passwordSignInInputSchema.safeParse({ identifier, password: "x" }).success).toBe(true);
    }
  });

  it("leaves control characters in the password alone: it never reaches a query", () => {
    expect(
      passwordSignInInputSchema.safeParse({ identifier: "provider", password: "a\u0000b\tc" })
        .success,
    ).toBe(true);
  });
});

describe("codeRequestInputSchema", () => {
  it.each([
    "",
    "not-an-email",
    "a@b",
    `${"a".repeat(250)}@example.com`,
    "pat\u0000ient@example.com",
  ])("rejects %j", (email) => {
    expect(codeRequestInputSchema.safeParse({ email }).success).toBe(false);
  });

  it("lower-cases the address", () => {
    expect(codeRequestInputSchema.parse({ email: " Patient@CareVisit.TEST " }).email).toBe(
      "patient@carevisit.test",
    );
  });
});

describe("codeSignInInputSchema", () => {
  it("accepts six digits, with spaces removed", () => {
    expect(codeSignInInputSchema.parse({ email: "p@example.com", code: "123 456" }).code).toBe(
      "123456",
    );
  });

  it.each(["12345", "1234567", "12a456", "", "１２３４５６"])("rejects the code %j", (code) => {
    expect(codeSignInInputSchema.safeParse({ email: "p@example.com", code }).success).toBe(false);
  });
});

describe("signInPageErrorSchema", () => {
  it.each([
    [undefined, undefined],
    ["CredentialsSignin", "CredentialsSignin"],
    ["MissingCSRF", "Other"],
    ["Configuration", "Other"],
    ["<script>", "Other"],
    ["", "Other"],
    [["CredentialsSignin", "CredentialsSignin"], "Other"],
  ])("reads ?error=%j as %j", (input, expected) => {
    expect(signInPageErrorSchema.parse(input)).toBe(expected);
  });
});

describe("callbackPathFromQuery", () => {
  it.each([
    ["/subjects?q=lopez", "/subjects?q=lopez"],
    ["http://localhost:3000/visits", "/visits"],
    ["https://evil.example/steal", "/steal"],
    ["//evil.example/steal", "/steal"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    [undefined, "/"],
    [["/a", "/b"], "/"],
  ])("keeps only a same-site path: %j → %j", (input, expected) => {
    expect(callbackPathFromQuery(input)).toBe(expected);
  });
});
