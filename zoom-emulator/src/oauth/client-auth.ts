import { timingSafeEqual } from "node:crypto";
import { type IncomingMessage } from "node:http";

import { type Registration } from "../state/registration-schema";

// `Authorization: Basic base64(client_id:client_secret)` on /oauth/token, /oauth/revoke and
// /oauth/data/compliance (zoom-oauth.md#token-endpoint, zoom-oauth.md#revoke,
// zoom-oauth.md#data-compliance).

function isSameText(left: string, right: string): boolean {
  const a = Buffer.from(left, "utf8");
  const b = Buffer.from(right, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

export function isClientAuthenticated(req: IncomingMessage, registration: Registration): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator === -1) return false;
  return (
    isSameText(decoded.slice(0, separator), registration.clientId) &&
    isSameText(decoded.slice(separator + 1), registration.clientSecret)
  );
}
