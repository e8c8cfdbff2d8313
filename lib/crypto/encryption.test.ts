import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption";

beforeAll(() => {
  process.env.TOKEN_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
});

describe("encryptSecret / decryptSecret (AES-256-GCM)", () => {
  it("round-trips and never repeats a ciphertext", () => {
    const sealed = encryptSecret("zoom-access-token");
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("zoom-access-token");
    expect(encryptSecret("zoom-access-token")).not.toBe(sealed);
    expect(decryptSecret(sealed)).toBe("zoom-access-token");
  });

  it("round-trips empty and non-ASCII text", () => {
    expect(decryptSecret(encryptSecret(""))).toBe("");
    expect(decryptSecret(encryptSecret("café ☕ 診察"))).toBe("café ☕ 診察");
  });

  it("refuses a tampered ciphertext", () => {
    const [version, iv, tag, data] = encryptSecret("secret").split(".");
    const flipped = Buffer.from(data ?? "", "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      decryptSecret([version, iv, tag, flipped.toString("base64url")].join(".")),
    ).toThrow();
  });

  it("refuses values that are not sealed secrets", () => {
    expect(() => decryptSecret("plain-text")).toThrow("Not a sealed secret");
    expect(() => decryptSecret("v2.a.b.c")).toThrow("Not a sealed secret");
  });
});
