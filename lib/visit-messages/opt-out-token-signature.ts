import { hmacSha256Hex, safeEqual } from "@/lib/crypto/hmac";

// The reminder opt-out link's token, signed with a secret given by the caller (opt-out-token.ts
// passes the app's; the e2e specs build tokens with the run's). Pure, so the tests can use it.
//
// Format: `v1.<subject id: 16 bytes, base64url>.<HMAC-SHA256 of "v1.<payload>", base64url>`.
// The key is HMAC(secret, "reminder-opt-out"), so it serves this purpose only. No expiry: a
// reminder from months ago must still stop reminders. The version lets the format change later.

const VERSION = "v1";
const KEY_PURPOSE = "reminder-opt-out";
const TOKEN_PATTERN = /^v1\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Longer than any token: callers can refuse longer input before parsing it. */
export const OPT_OUT_TOKEN_MAX_LENGTH = 80;

function signatureOf(signed: string, secret: string): string {
  const key = hmacSha256Hex(secret, KEY_PURPOSE);
  return Buffer.from(hmacSha256Hex(key, signed), "hex").toString("base64url");
}

function uuidFromBytes(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function buildSignedOptOutToken(subjectId: string, secret: string): string {
  const id = subjectId.toLowerCase();
  if (!UUID_PATTERN.test(id)) throw new Error("A subject id is a UUID");
  const payload = Buffer.from(id.replaceAll("-", ""), "hex").toString("base64url");
  const signed = `${VERSION}.${payload}`;
  return `${signed}.${signatureOf(signed, secret)}`;
}

/** The subject id a token was signed for, or null for anything else (compared in constant time). */
export function parseSignedOptOutToken(token: unknown, secret: string): string | null {
  if (typeof token !== "string" || token.length > OPT_OUT_TOKEN_MAX_LENGTH) return null;
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const [, payload = "", signature = ""] = match;
  if (!safeEqual(signature, signatureOf(`${VERSION}.${payload}`, secret))) return null;
  return uuidFromBytes(Buffer.from(payload, "base64url"));
}
