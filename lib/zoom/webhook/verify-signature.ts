import { hmacSha256Hex, safeEqual } from "@/lib/crypto/hmac";

// Zoom webhook signatures.
// @see docs/protocols/zoom-webhooks.md#signature
// @see docs/protocols/zoom-webhooks.md#url-validation

/** Requests older or newer than this are refused as replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type SignatureFailure =
  "missing_headers" | "bad_timestamp" | "stale_timestamp" | "bad_signature";
export type SignatureCheck = { isValid: true } | { isValid: false; reason: SignatureFailure };

export function signZoomPayload(secret: string, timestamp: string, rawBody: string): string {
  return `v0=${hmacSha256Hex(secret, `v0:${timestamp}:${rawBody}`)}`;
}

/** What Zoom sends in `x-zm-signature`: "v0=" and 64 lowercase hex digits. */
const SIGNATURE_FORMAT = /^v0=[0-9a-f]{64}$/;

/**
 * What can be checked before the body is read: both headers there, the timestamp fresh and the
 * signature well formed. A delivery that fails here is refused without reading its body.
 */
export function checkZoomSignatureHeaders(options: {
  timestamp: string | null;
  signature: string | null;
  nowMs: number;
}): SignatureCheck {
  const { timestamp, signature, nowMs } = options;
  if (!timestamp || !signature) return { isValid: false, reason: "missing_headers" };
  if (!/^\d{1,12}$/.test(timestamp)) return { isValid: false, reason: "bad_timestamp" };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS)
    return { isValid: false, reason: "stale_timestamp" };
  if (!SIGNATURE_FORMAT.test(signature)) return { isValid: false, reason: "bad_signature" };
  return { isValid: true };
}

/** Checks `x-zm-signature` over the exact bytes received, in constant time, and the timestamp's age. */
export function verifyZoomSignature(options: {
  rawBody: string;
  timestamp: string | null;
  signature: string | null;
  secret: string;
  nowMs: number;
}): SignatureCheck {
  const headers = checkZoomSignatureHeaders(options);
  if (!headers.isValid) return headers;
  const { rawBody, timestamp, signature, secret } = options;
  if (!safeEqual(signZoomPayload(secret, timestamp!, rawBody), signature!))
    return { isValid: false, reason: "bad_signature" };
  return { isValid: true };
}

/** The answer to `endpoint.url_validation`. @see docs/protocols/zoom-webhooks.md#url-validation */
export function answerUrlValidation(secret: string, plainToken: string) {
  return { plainToken, encryptedToken: hmacSha256Hex(secret, plainToken) };
}
