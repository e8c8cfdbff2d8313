// `Authorization: Basic base64(username:password)` (RFC 7617), as Zoom's telehealth notifications
// send it. @see docs/protocols/telehealth-notifications.md#credentials

/** Longer headers are refused before decoding: the stored password has at most 200 characters. */
const MAX_HEADER_LENGTH = 1024;
const BASIC = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i;

export type BasicCredentials = { username: string; password: string };

/**
 * The username and password of a Basic `Authorization` header, or null when there is none, it uses
 * another scheme, or it is malformed (not Base64, not UTF-8, no ":").
 */
export function parseBasicAuthorization(header: string | null): BasicCredentials | null {
  if (!header || header.length > MAX_HEADER_LENGTH) return null;
  const token = BASIC.exec(header)?.[1];
  if (!token) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(token, "base64"));
  } catch {
    return null;
  }
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
