import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { isJsonNestedDeeperThan } from "@/lib/inbound/json-depth";

const nested = (depth: number) => `${'{"a":['.repeat(depth)}1${"]}".repeat(depth)}`;

function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe("isJsonNestedDeeperThan", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(isJsonNestedDeeperThan('{"a":[{"b":"[[[[{{{{"}]}', 3)).toBe(false);
    expect(isJsonNestedDeeperThan('{"a":[{"b":"\\"[[[["}]}', 3)).toBe(false);
    expect(isJsonNestedDeeperThan('{"a":[{"b":[]}]}', 3)).toBe(true);
    expect(isJsonNestedDeeperThan("1", 0)).toBe(false);
  });

  it("answers for 10,000 levels without overflowing the stack", () => {
    expect(isJsonNestedDeeperThan(nested(5_000), 32)).toBe(true);
    expect(isJsonNestedDeeperThan(nested(16), 32)).toBe(false);
  });

  it("agrees with the depth of the parsed value, for any JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.nat({ max: 10 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(isJsonNestedDeeperThan(text, max)).toBe(depthOf(value) > max);
      }),
    );
  });
});
