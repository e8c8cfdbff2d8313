import { describe, expect, it } from "vitest";

import { controlCharacterMessage, hasNoControlCharacters } from "@/lib/plain-text";

describe("hasNoControlCharacters", () => {
  it.each(["Ann", "Zoë O'Brien-Smith", "میرزا‌کوچک", "李 小龍", "Dr. A. Ng (2nd)", ""])(
    "accepts %j",
    (value) => {
      expect(hasNoControlCharacters(value)).toBe(true);
    },
  );

  it.each([
    "Ann\tMarie",
    "Ann\nMarie",
    "Ann\r",
    "\u0000",
    "a\u001bb",
    "a\u007fb",
    "a\u0085b",
    "a\u009fb",
    "Ann\u202eeiraM",
    "\u2066Ann\u2069",
  ])("refuses %j", (value) => {
    expect(hasNoControlCharacters(value)).toBe(false);
  });

  it("names the field in its message", () => {
    expect(controlCharacterMessage("The clinic's name")).toBe(
      "The clinic's name has a tab, line break or other control character in it. Type it again.",
    );
  });
});
