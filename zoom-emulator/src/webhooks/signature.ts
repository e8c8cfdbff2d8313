import { createHmac } from "node:crypto";

// @see docs/protocols/zoom-webhooks.md#signature and docs/protocols/zoom-webhooks.md#url-validation

// "v0=" + hex(HMAC-SHA256(secret, "v0:{timestamp}:{body}")) over the exact bytes sent.
export function signWebhook(secretToken: string, timestampSeconds: string, body: Buffer): string {
  const hmac = createHmac("sha256", secretToken);
  hmac.update(`v0:${timestampSeconds}:`, "utf8");
  hmac.update(body);
  return `v0=${hmac.digest("hex")}`;
}

// What a receiver must answer to `endpoint.url_validation`.
export function encryptPlainToken(secretToken: string, plainToken: string): string {
  return createHmac("sha256", secretToken).update(plainToken, "utf8").digest("hex");
}
