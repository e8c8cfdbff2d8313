import { createHash } from "node:crypto";

// PKCE (RFC 7636): S256 or plain; plain when a challenge comes without a method
// (zoom-oauth.md#authorize).

export type PkceMethod = "S256" | "plain";

const PKCE_VALUE = /^[A-Za-z0-9._~-]{43,128}$/;

export function isValidPkceValue(value: string): boolean {
  return PKCE_VALUE.test(value);
}

export function parsePkceMethod(method: string | undefined): PkceMethod | null {
  if (method === undefined || method === "" || method === "plain") return "plain";
  if (method === "S256") return "S256";
  return null;
}

export function isVerifierValid(verifier: string, challenge: string, method: PkceMethod): boolean {
  if (method === "plain") return verifier === challenge;
  return createHash("sha256").update(verifier, "ascii").digest("base64url") === challenge;
}
