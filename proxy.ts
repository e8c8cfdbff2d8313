import NextAuth from "next-auth";
import {
  type NextFetchEvent,
  type NextMiddleware,
  type NextRequest,
  NextResponse,
} from "next/server";

import { authConfig, PUBLIC_PATHS } from "@/lib/auth/config";
import { readSessionClaims } from "@/lib/auth/session-claims";
import { deriveSessionEnd, type SessionEnd } from "@/lib/auth/session-lifetime";
import { env } from "@/lib/env";
import {
  buildContentSecurityPolicy,
  createNonce,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/server/content-security-policy";
import { refuseBadFormPost } from "@/lib/server/refuse-bad-form-post";

// Refuses form posts that Next.js would answer with a 500 (lib/server/refuse-bad-form-post.ts), then sends
// signed-out visitors to /sign-in (see authConfig.callbacks.authorized). It never decides access
// to a record: pages and routes do.
const { auth } = NextAuth(authConfig);

// Called with the request, `auth` is the proxy itself (as `export { auth as proxy }` would be);
// Auth.js's types list only its wrapper form, whose callback would replace the sign-in redirect.
const authProxy = auth as unknown as NextMiddleware;

/**
 * Auth.js re-issues a JWT session on every call (its updateAge applies to database sessions only):
 * a new encrypted cookie per page, and a page that cannot reuse the claims the server decrypted
 * before. A session token issued less than this long ago is let through as it is, so the last
 * activity a token records (its issue time: lib/auth/session-lifetime.ts) moves in steps of five
 * minutes.
 */
const SESSION_REFRESH_AFTER_MS = 5 * 60_000;

/** Tolerated clock difference for a token issued "in the future" (by another instance, say). */
const CLOCK_SKEW_MS = 60_000;

/** As Auth.js decides which cookie name to read (trustHost: the proxy's X-Forwarded-Proto counts). */
function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? request.nextUrl.protocol.replace(":", "")) === "https";
}

/** A session that has timed out: its cookies go, and the visitor sees why (app/(auth)/signed-out). */
function endedSession(request: NextRequest, ended: SessionEnd) {
  const response = NextResponse.redirect(new URL(`/signed-out?reason=${ended}`, request.url));
  for (const { name } of request.cookies.getAll())
    if (/^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name)) response.cookies.delete(name);
  return response;
}

/**
 * The page's security headers: the nonce-based policy (on the request too, where Next.js finds the
 * nonce), HSTS over HTTPS, and no caching of pages of the signed-in areas (they carry personal data).
 */
function withPageHeaders(
  request: NextRequest,
  answer: (requestHeaders: Headers) => Response | Promise<Response>,
) {
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy(nonce, { isDev: env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  return Promise.resolve(answer(requestHeaders)).then((response) => {
    response.headers.set("Content-Security-Policy", policy);
    if (isHttps(request))
      response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    const isPublic = PUBLIC_PATHS.some((pattern) => pattern.test(request.nextUrl.pathname));
    if (!isPublic) response.headers.set("Cache-Control", "no-store");
    return response;
  });
}

/** Auth.js's answer, with the request headers carrying the nonce when it lets the request through. */
async function throughAuthJs(request: NextRequest, event: NextFetchEvent, requestHeaders: Headers) {
  const response = await authProxy(request, event);
  if (!response || response.headers.get("x-middleware-next") !== "1")
    return response ?? NextResponse.next({ request: { headers: requestHeaders } });
  const next = NextResponse.next({ request: { headers: requestHeaders } });
  for (const cookie of response.headers.getSetCookie()) next.headers.append("Set-Cookie", cookie);
  return next;
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const refusal = refuseBadFormPost(request);
  if (refusal) return refusal;
  return withPageHeaders(request, (requestHeaders) => route(request, event, requestHeaders));
}

async function route(request: NextRequest, event: NextFetchEvent, requestHeaders: Headers) {
  const claims = await readSessionClaims(request.headers.get("cookie"), env.AUTH_SECRET, {
    isHttps: isHttps(request),
  });
  const now = Date.now();
  const isPublic = PUBLIC_PATHS.some((pattern) => pattern.test(request.nextUrl.pathname));
  // Checked before the fast path below and before Auth.js could renew the token: a session past
  // its lifetime or idle timeout is never let through or renewed (getViewer checks it too).
  const ended = claims && deriveSessionEnd(claims, { nowMs: now, maxHours: env.SESSION_MAX_HOURS });
  if (ended && !isPublic) return endedSession(request, ended);
  const age = claims ? now - claims.issuedAtMs : Number.NaN;
  if (age >= -CLOCK_SKEW_MS && age < SESSION_REFRESH_AFTER_MS)
    return NextResponse.next({ request: { headers: requestHeaders } });
  return throughAuthJs(request, event, requestHeaders);
}

export const config = {
  // Static files and the installable portal's (manifest, service worker, icons) are public.
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|manifest.webmanifest|sw.js|icon.svg|apple-icon.png|icons/).*)",
  ],
};
