import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import {
  buildSignedOptOutToken,
  parseSignedOptOutToken,
} from "@/lib/visit-messages/opt-out-token-signature";

const SECRET = "s".repeat(43);
const SUBJECT_ID = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

/** The token with the character at `index` replaced by another base64url character. */
function withCharacterChanged(token: string, index: number): string {
  const replacement = token[index] === "A" ? "B" : "A";
  return `${token.slice(0, index)}${replacement}${token.slice(index + 1)}`;
}

describe("reminder opt-out tokens", () => {
  it("give back the subject id they were built for", () => {
    const token = buildSignedOptOutToken(SUBJECT_ID, SECRET);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(parseSignedOptOutToken(token, SECRET)).toBe(SUBJECT_ID);
    const other = randomUUID();
    expect(parseSignedOptOutToken(buildSignedOptOutToken(other, SECRET), SECRET)).toBe(other);
  });

  it("are the same every time for one subject: no expiry, a reminder from months ago works", () => {
    expect(buildSignedOptOutToken(SUBJECT_ID.toUpperCase(), SECRET)).toBe(
      buildSignedOptOutToken(SUBJECT_ID, SECRET),
    );
  });

  it("refuse a changed payload: another subject's id under this signature", () => {
    const token = buildSignedOptOutToken(SUBJECT_ID, SECRET);
    expect(parseSignedOptOutToken(withCharacterChanged(token, 5), SECRET)).toBeNull();
    const [version, , signature] = token.split(".");
    const [, otherPayload] = buildSignedOptOutToken(randomUUID(), SECRET).split(".");
    expect(parseSignedOptOutToken(`${version}.${otherPayload}.${signature}`, SECRET)).toBeNull();
  });

  it("refuse a changed signature, at either end", () => {
    const token = buildSignedOptOutToken(SUBJECT_ID, SECRET);
    expect(
      parseSignedOptOutToken(withCharacterChanged(token, token.length - 1), SECRET),
    ).toBeNull();
    expect(parseSignedOptOutToken(withCharacterChanged(token, 26), SECRET)).toBeNull();
  });

  it("refuse a truncated or lengthened token", () => {
    const token = buildSignedOptOutToken(SUBJECT_ID, SECRET);
    for (const cut of [1, 10, 43, 44, token.length - 1])
      expect(parseSignedOptOutToken(token.slice(0, cut), SECRET)).toBeNull();
    expect(parseSignedOptOutToken(`${token}A`, SECRET)).toBeNull();
    expect(parseSignedOptOutToken(` ${token}`, SECRET)).toBeNull();
  });

  it.each([
    "",
    "garbage",
    "v1..",
    `v2.${"A".repeat(22)}.${"A".repeat(43)}`,
    `v1.${"A".repeat(22)}.${"A".repeat(43)}`,
    `v1.${"+".repeat(22)}.${"/".repeat(43)}`,
    "x".repeat(10_000),
    null,
    42,
    ["v1"],
  ])("refuse garbage (%j)", (token) => {
    expect(parseSignedOptOutToken(token, SECRET)).toBeNull();
  });

  it("refuse a token signed with another secret", () => {
    const token = buildSignedOptOutToken(SUBJECT_ID, "another secret of enough length here!");
    expect(parseSignedOptOutToken(token, SECRET)).toBeNull();
  });

  it("refuse to sign anything but a subject's UUID", () => {
    expect(() => buildSignedOptOutToken("42", SECRET)).toThrow();
  });
});
