import "server-only";

import { createHash } from "node:crypto";

import { LRUCache } from "lru-cache";
import { getToken } from "next-auth/jwt";

import type { SessionTimes } from "@/lib/auth/session-lifetime";

export type SessionClaims = SessionTimes & {
  id: string;
  sessionVersion: number;
};

type CachedClaims = SessionClaims & { expiresAtMs: number };

/** Auth.js's cookie store only reports chunked cookies here; a bad token is simply no session. */
const quiet = { error: () => undefined, warn: () => undefined, debug: () => undefined };

/** Auth.js's session cookie, under either name (see decodeSessionClaims), whole or in chunks (`.0`, `.1`, …). */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/** Enough for every session of a large clinic; an evicted session is only decrypted again. */
const MAX_CACHED_SESSIONS = 10_000;

/**
 * Decrypting a session token costs about 2 ms of CPU (key derivation, AES, HMAC, each a trip
 * through the thread pool): more than all the rest of a signed-in API request. A token's claims
 * never change, so each valid token's are kept until the token expires (by each bundle that
 * imports this module: the proxy's and the app's each keep their own). Keyed by a hash of the
 * secret and the session cookies alone (other cookies come and go), so the tokens themselves are
 * not held; tokens that fail are never cached. Requests that repeat a cookie gain: API routes, the
 * live visit stream, downloads, and page loads, since the proxy (proxy.ts) refreshes a session
 * token only once it is five minutes old.
 */
const claimsByCookie = new LRUCache<string, CachedClaims>({ max: MAX_CACHED_SESSIONS });

/**
 * Decrypts and checks the Auth.js session token itself (Auth.js's documented `getToken`), cookie
 * only, rather than run Auth.js's whole session action (`auth()`), which would also encrypt a
 * refreshed token on every request; the proxy refreshes it, on page loads. A `__Secure-` cookie
 * can only come over HTTPS, so both names are read.
 */
async function decodeSessionClaims(cookie: string, secret: string): Promise<CachedClaims | null> {
  const req = { headers: new Headers({ cookie }) };
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret, secureCookie, logger: quiet });
    if (!token) continue;
    if (!token.uid || !token.sv || typeof token.exp !== "number") return null;
    // Tokens from before sessions had a lifetime carry no sign-in time: they are no session.
    if (typeof token.st !== "number" || typeof token.il !== "number") return null;
    return {
      id: token.uid,
      sessionVersion: token.sv,
      issuedAtMs: typeof token.iat === "number" ? token.iat * 1000 : 0,
      signedInAtMs: token.st * 1000,
      idleMinutes: token.il,
      expiresAtMs: token.exp * 1000,
    };
  }
  return null;
}

/** Who the session cookie says is signed in, or null; the claims of a token seen before are not decrypted again. */
export async function readSessionClaims(
  cookie: string | null,
  secret: string,
  /** Read only the cookie Auth.js itself reads on this scheme (`__Secure-` over HTTPS), or either. */
  options: { isHttps?: boolean } = {},
): Promise<SessionClaims | null> {
  const sessionCookies = (cookie ?? "")
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => {
      const name = SESSION_COOKIE.exec(pair);
      if (!name) return false;
      return options.isHttps === undefined || options.isHttps === (name[1] !== undefined);
    })
    .join("; ");
  if (!sessionCookies) return null;
  const key = createHash("sha256")
    .update(secret)
    .update("\0")
    .update(sessionCookies)
    .digest("base64url");
  const cached = claimsByCookie.get(key);
  const claims = cached ?? (await decodeSessionClaims(sessionCookies, secret));
  if (!claims || claims.expiresAtMs <= Date.now()) {
    claimsByCookie.delete(key);
    return null;
  }
  if (!cached) claimsByCookie.set(key, claims);
  const { expiresAtMs: _expiresAtMs, ...sessionClaims } = claims;
  return sessionClaims;
}
