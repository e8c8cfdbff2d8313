import { createCipheriv, createDecipheriv, createHash } from "node:crypto";

// The Epic-style `data` parameter: AES-128-CBC, 16 zero bytes of IV, PKCS#7 padding, Base64.
// The key is Windows CryptoAPI CryptDeriveKey(SHA-1) of the API secret.
// @see docs/protocols/telehealth-urls.md#encryption

const ZERO_IV = Buffer.alloc(16);

export function deriveTelehealthKey(apiSecret: string): Buffer {
  const hash = createHash("sha1").update(apiSecret, "utf8").digest();
  const inner = Buffer.alloc(64, 0x36);
  const outer = Buffer.alloc(64, 0x5c);
  for (const [index, byte] of hash.entries()) {
    inner[index] = (inner[index] ?? 0) ^ byte;
    outer[index] = (outer[index] ?? 0) ^ byte;
  }
  const inner20 = createHash("sha1").update(inner).digest();
  const outer20 = createHash("sha1").update(outer).digest();
  return Buffer.concat([inner20, outer20]).subarray(0, 16);
}

export function encryptTelehealthData(plaintext: string, apiSecret: string): string {
  const cipher = createCipheriv("aes-128-cbc", deriveTelehealthKey(apiSecret), ZERO_IV);
  return Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
}

// Null when the data does not decrypt (wrong secret, damaged or badly URL-encoded Base64).
export function decryptTelehealthData(data: string, apiSecret: string): string | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return null;
  try {
    const decipher = createDecipheriv("aes-128-cbc", deriveTelehealthKey(apiSecret), ZERO_IV);
    const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]);
    const text = plain.toString("utf8");
    return Buffer.from(text, "utf8").equals(plain) ? text : null;
  } catch {
    return null;
  }
}
