import { createHash, randomBytes } from "node:crypto";

// OAuth `state` and PKCE S256 (RFC 7636). @see docs/protocols/zoom-oauth.md#authorize

export function createOAuthState(): string {
  return randomBytes(32).toString("base64url");
}

export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge };
}
