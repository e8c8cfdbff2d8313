import { createCipheriv, randomBytes } from "node:crypto";

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import {
  decryptSecret,
  encryptSecret,
  isLegacySealed,
  type SealedField,
  sealedFields,
} from "@/lib/crypto/encryption";

let key: Buffer;

beforeAll(() => {
  key = randomBytes(32);
  process.env.TOKEN_ENCRYPTION_KEY = key.toString("base64");
  process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
});

const TOKEN = sealedFields.zoomToken("0190a8f0-0000-7000-8000-000000000001", "accessToken");

/** A value as the code before associated data sealed it: "v1", no AAD. */
function sealAsV1(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

const fieldArbitrary: fc.Arbitrary<SealedField> = fc.record({
  table: fc.constantFrom("ZoomConnection", "Visit", "OAuthState", "TelehealthSettings"),
  column: fc.constantFrom(
    "accessToken",
    "refreshToken",
    "zoomStartUrl",
    "zoomJoinUrl",
    "apiSecret",
  ),
  rowId: fc.uuid(),
});

describe("encryptSecret / decryptSecret (AES-256-GCM)", () => {
  it("round-trips and never repeats a ciphertext", () => {
    const sealed = encryptSecret("zoom-access-token", TOKEN);
    expect(sealed).toMatch(/^v2\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("zoom-access-token");
    expect(encryptSecret("zoom-access-token", TOKEN)).not.toBe(sealed);
    expect(decryptSecret(sealed, TOKEN)).toBe("zoom-access-token");
  });

  it("round-trips empty and non-ASCII text", () => {
    expect(decryptSecret(encryptSecret("", TOKEN), TOKEN)).toBe("");
    expect(decryptSecret(encryptSecret("café ☕ 診察", TOKEN), TOKEN)).toBe("café ☕ 診察");
  });

  it("refuses a tampered ciphertext", () => {
    const [version, iv, tag, data] = encryptSecret("secret", TOKEN).split(".");
    const flipped = Buffer.from(data ?? "", "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      decryptSecret([version, iv, tag, flipped.toString("base64url")].join("."), TOKEN),
    ).toThrow();
  });

  it("opens a ciphertext only in the table, column and row it was sealed for", () => {
    fc.assert(
      fc.property(fieldArbitrary, fieldArbitrary, fc.string(), (sealedFor, readAs, secret) => {
        const sealed = encryptSecret(secret, sealedFor);
        expect(decryptSecret(sealed, sealedFor)).toBe(secret);
        const isSameField =
          sealedFor.table === readAs.table &&
          sealedFor.column === readAs.column &&
          sealedFor.rowId === readAs.rowId;
        if (!isSameField) expect(() => decryptSecret(sealed, readAs)).toThrow();
      }),
    );
  });

  it("requires the whole 16-byte tag: a genuine tag cut short is refused", () => {
    for (const sealed of [encryptSecret("secret", TOKEN), sealAsV1("secret")]) {
      const [version, iv, tag, data] = sealed.split(".");
      for (const length of [4, 8, 12, 15]) {
        const short = Buffer.from(tag ?? "", "base64url").subarray(0, length);
        expect(() =>
          decryptSecret([version, iv, short.toString("base64url"), data].join("."), TOKEN),
        ).toThrow(/16 bytes/);
      }
    }
  });

  it("still opens values sealed before associated data (v1), which are to be resealed", () => {
    const legacy = sealAsV1("an old refresh token");
    expect(isLegacySealed(legacy)).toBe(true);
    expect(decryptSecret(legacy, TOKEN)).toBe("an old refresh token");
    expect(isLegacySealed(encryptSecret("new", TOKEN))).toBe(false);
  });

  it("refuses values that are not sealed secrets", () => {
    expect(() => decryptSecret("plain-text", TOKEN)).toThrow("Not a sealed secret");
    expect(() => decryptSecret("v3.a.b.c", TOKEN)).toThrow("Not a sealed secret");
    expect(() => decryptSecret("v2.a.b.c.d", TOKEN)).toThrow("Not a sealed secret");
  });
});
