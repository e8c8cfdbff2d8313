import { createCipheriv, createDecipheriv, createHash } from "node:crypto";

// The encryption of the `data` parameter of Epic-style telehealth launch URLs. Zoom decrypts it
// with the API secret it shares with us, so this must match Zoom's own code bit for bit.
// @see docs/protocols/telehealth-urls.md#encryption

const ALGORITHM = "aes-128-cbc";
/** Zoom's code uses an all-zero IV and sends none; the same plaintext gives the same ciphertext. */
const ZERO_IV = Buffer.alloc(16);
const PAD_BYTES = 64;
const KEY_BYTES = 16;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function sha1(data: string | Buffer): Buffer {
  return createHash("sha1").update(data).digest();
}

/**
 * Windows CryptoAPI `CryptDeriveKey` for AES-128 with SHA-1: hash the secret, XOR it into 64-byte
 * pads of 0x36 and 0x5C, hash both pads and keep the first 16 bytes of the two digests.
 */
export function deriveTelehealthKey(secret: string): Buffer {
  const digest = sha1(Buffer.from(secret, "utf8"));
  const inner = Buffer.alloc(PAD_BYTES, 0x36);
  const outer = Buffer.alloc(PAD_BYTES, 0x5c);
  for (let index = 0; index < digest.length; index++) {
    const byte = digest[index] ?? 0;
    inner[index] = (inner[index] ?? 0) ^ byte;
    outer[index] = (outer[index] ?? 0) ^ byte;
  }
  return Buffer.concat([sha1(inner), sha1(outer)]).subarray(0, KEY_BYTES);
}

/** AES-128-CBC, zero IV, PKCS#7 padding; the ciphertext in standard Base64 (not yet URL-encoded). */
export function encryptTelehealthData(plaintext: string, secret: string): string {
  const cipher = createCipheriv(ALGORITHM, deriveTelehealthKey(secret), ZERO_IV);
  return Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
}

/**
 * The inverse of `encryptTelehealthData`. Throws on text that is not Base64 and on a bad padding
 * (a wrong secret or a damaged last block). CBC has no integrity check: other damage can decrypt
 * to garbage without an error, so callers parse what comes out.
 */
export function decryptTelehealthData(base64: string, secret: string): string {
  if (!BASE64.test(base64)) throw new Error("Telehealth data is not Base64");
  const decipher = createDecipheriv(ALGORITHM, deriveTelehealthKey(secret), ZERO_IV);
  return Buffer.concat([decipher.update(Buffer.from(base64, "base64")), decipher.final()]).toString(
    "utf8",
  );
}
