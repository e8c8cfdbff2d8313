import { randomBytes, randomUUID } from "node:crypto";

// Zoom's tokens are JWT-shaped (header.payload.signature, several hundred characters). Apps must
// treat them as opaque, but their length and shape matter for storage, so ours look the same.
// The signature part is random: nothing verifies it except the emulator's own lookup.

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export interface TokenClaims {
  kind: "access_token" | "refresh_token";
  clientId: string;
  accountId: string;
  userId: string;
  issuedAt: number;
  expiresAt: number;
}

export function buildTokenString(claims: TokenClaims): string {
  const header = { alg: "HS512", v: "2.0", kid: randomUUID() };
  const payload = {
    ver: 10,
    auid: randomBytes(16).toString("hex"),
    uid: claims.userId,
    aid: claims.accountId,
    iss: `zm:cid:${claims.clientId}`,
    aud: "https://oauth.zoom.us",
    tokenType: claims.kind,
    nbf: Math.floor(claims.issuedAt / 1000),
    iat: Math.floor(claims.issuedAt / 1000),
    exp: Math.floor(claims.expiresAt / 1000),
    jti: randomUUID(),
  };
  return `${encodeJson(header)}.${encodeJson(payload)}.${randomBytes(64).toString("base64url")}`;
}
