import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export function hmacSha256Hex(key: string | Buffer, message: string | Buffer): string {
  return createHmac("sha256", key).update(message).digest("hex");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** Constant-time comparison of two strings; different lengths are unequal without comparing bytes. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
