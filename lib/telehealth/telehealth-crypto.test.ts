import { describe, expect, it } from "vitest";

import {
  decryptTelehealthData,
  deriveTelehealthKey,
  encryptTelehealthData,
} from "@/lib/telehealth/telehealth-crypto";

// The known answer of docs/protocols/telehealth-urls.md#known-answer (our own vector, verified
// against Zoom's algorithm).
const SECRET = "emulator-test-secret";
const KEY_HEX = "cfe55bd7e6ae0c73c9d59ee167254671";
const PLAINTEXT = "usertype=2&sessionid=98765&userid=3100312345&firstname=Ed&lastname=Mercer";
const CIPHERTEXT =
  "0qlxUcol26XCrofzdQAO56b5fPmMA8bOmxvcicj5prHfihW+ZYvkk+8E2mOtVJbcZMYF8DpBwrQBjYY5KzaZ+T3h/aWwztiyoWV9fUexrd0=";

/** The ciphertext with one bit of one byte flipped. */
function flipBit(base64: string, byteIndex: number): string {
  const bytes = Buffer.from(base64, "base64");
  bytes[byteIndex] = (bytes[byteIndex] ?? 0) ^ 0x01;
  return bytes.toString("base64");
}

describe("deriveTelehealthKey", () => {
  it("derives the key of telehealth-urls.md#known-answer from the secret (CryptDeriveKey, SHA-1)", () => {
    expect(deriveTelehealthKey(SECRET).toString("hex")).toBe(KEY_HEX);
  });

  it("makes a 16-byte key from any secret, different for different secrets", () => {
    expect(deriveTelehealthKey("")).toHaveLength(16);
    expect(deriveTelehealthKey("a".repeat(500))).toHaveLength(16);
    expect(deriveTelehealthKey(`${SECRET}!`).toString("hex")).not.toBe(KEY_HEX);
  });
});

describe("encryptTelehealthData", () => {
  it("produces the ciphertext of telehealth-urls.md#known-answer: AES-128-CBC, zero IV, PKCS#7, Base64", () => {
    expect(encryptTelehealthData(PLAINTEXT, SECRET)).toBe(CIPHERTEXT);
  });

  it("pads to whole 16-byte blocks, with a full block of padding for an exact multiple", () => {
    expect(Buffer.from(encryptTelehealthData("", SECRET), "base64")).toHaveLength(16);
    expect(Buffer.from(encryptTelehealthData("x".repeat(15), SECRET), "base64")).toHaveLength(16);
    expect(Buffer.from(encryptTelehealthData("x".repeat(16), SECRET), "base64")).toHaveLength(32);
    expect(Buffer.from(CIPHERTEXT, "base64")).toHaveLength(80);
  });
});

describe("decryptTelehealthData", () => {
  it("decrypts the ciphertext of telehealth-urls.md#known-answer", () => {
    expect(decryptTelehealthData(CIPHERTEXT, SECRET)).toBe(PLAINTEXT);
  });

  it.each([
    ["an empty text", ""],
    ["ASCII", PLAINTEXT],
    ["form-encoded UTF-8", "firstname=Ren%C3%A9e&lastname=O%27Brien+M%C3%BCller"],
    ["raw UTF-8", "lastname=Müller-Łukasiewicz 👩‍⚕️"],
    ["several blocks", "userid=".padEnd(100, "9")],
  ])("round-trips %s", (_label, plaintext) => {
    expect(decryptTelehealthData(encryptTelehealthData(plaintext, SECRET), SECRET)).toBe(plaintext);
  });

  it("refuses the ciphertext under a wrong secret", () => {
    expect(() => decryptTelehealthData(CIPHERTEXT, "wrong-secret")).toThrow();
    expect(() => decryptTelehealthData(CIPHERTEXT, `${SECRET.slice(0, -1)}T`)).toThrow();
  });

  it("refuses a damaged last block (its padding no longer checks)", () => {
    expect(() => decryptTelehealthData(flipBit(CIPHERTEXT, 79), SECRET)).toThrow();
    expect(() => decryptTelehealthData(flipBit(CIPHERTEXT, 70), SECRET)).toThrow();
  });

  it("does not detect other damage: CBC has no integrity check, the plaintext just changes", () => {
    // Flipping a bit in block 1 garbles block 1 and flips the same bit in block 2: "98765" → "88765".
    const tampered = decryptTelehealthData(flipBit(CIPHERTEXT, 5), SECRET);
    expect(tampered).not.toBe(PLAINTEXT);
    expect(tampered.endsWith("onid=88765&userid=3100312345&firstname=Ed&lastname=Mercer")).toBe(
      true,
    );
  });

  it("refuses text that is not Base64 or not whole blocks", () => {
    expect(() => decryptTelehealthData("not base64!", SECRET)).toThrow("not Base64");
    expect(() => decryptTelehealthData(`${CIPHERTEXT.slice(0, -4)}`, SECRET)).toThrow();
    expect(() => decryptTelehealthData(encodeURIComponent(CIPHERTEXT), SECRET)).toThrow(
      "not Base64",
    );
  });
});
