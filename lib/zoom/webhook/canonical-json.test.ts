import { describe, expect, it } from "vitest";

import { canonicalJson } from "@/lib/zoom/webhook/canonical-json";

describe("canonicalJson", () => {
  it("ignores key order at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
  });

  it("keeps array order and escapes strings", () => {
    expect(canonicalJson({ list: [2, 1], text: 'a"b' })).toBe('{"list":[2,1],"text":"a\\"b"}');
  });
});
