import { describe, expect, it } from "vitest";

import { deletionsAndSwaps, editDistance } from "@/lib/subjects/name-edits";

describe("editDistance", () => {
  it.each([
    ["smtih", "smith", 1],
    ["brwon", "brown", 1],
    ["maira", "maria", 1],
    ["lopze", "lopez", 1],
    ["smth", "smith", 1],
    ["smiith", "smith", 1],
    ["jahn", "john", 1],
    ["smith", "smith", 0],
    ["", "abc", 3],
    ["ca", "abc", 3],
    ["josé", "jose", 1],
  ])("%s → %s is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("deletionsAndSwaps", () => {
  it("lists the words one deletion or one swap away, without the word itself", () => {
    expect(deletionsAndSwaps("smtih")).toContain("smith");
    expect(deletionsAndSwaps("smiith")).toContain("smith");
    expect(deletionsAndSwaps("aab").sort()).toEqual(["aa", "ab", "aba"]);
    expect(deletionsAndSwaps("a")).toEqual([]);
  });
});
