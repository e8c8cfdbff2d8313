import { describe, expect, it } from "vitest";

import { hmacSha256Hex, safeEqual, sha256Hex } from "@/lib/crypto/hmac";

describe("hmacSha256Hex", () => {
  it("matches the URL-validation vector in zoom-webhooks.md#known-answer", () => {
    expect(hmacSha256Hex("emulator-webhook-secret", "qgg8vlvZRS6UYooatFL8Aw")).toBe(
      "30864412a0468a1d4f6cd2faece2ba57a980eeef93e921b1756056d10e3d5d4a",
    );
  });
});

describe("sha256Hex", () => {
  it("hashes UTF-8 text", () => {
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

describe("safeEqual", () => {
  it("compares equal strings as equal", () => expect(safeEqual("v0=abc", "v0=abc")).toBe(true));
  it("compares different strings of one length as different", () =>
    expect(safeEqual("abc", "abd")).toBe(false));
  it("compares different lengths as different", () => expect(safeEqual("abc", "abcd")).toBe(false));
  it("handles empty strings", () => expect(safeEqual("", "")).toBe(true));
});
