import NextAuth from "next-auth";
import {
  type NextFetchEvent,
  type NextMiddleware,
  type NextRequest,
  NextResponse,
} from "next/server";

import { authConfig } from "@/lib/auth/config";
import { readSessionClaims } from "@/lib/auth/session-claims";
import { env } from "@/lib/env";
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
 * before. A session token issued less than this long ago is let through as it is, so the 8-hour
 * sliding expiry moves in steps of five minutes.
 */
const SESSION_REFRESH_AFTER_MS = 5 * 60_000;

/** Tolerated clock difference for a token issued "in the future" (by another instance, say). */
const CLOCK_SKEW_MS = 60_000;

/** As Auth.js decides which cookie name to read (trustHost: the proxy's X-Forwarded-Proto counts). */
function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? request.nextUrl.protocol.replace(":", "")) === "https";
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const refusal = refuseBadFormPost(request);
  if (refusal) return refusal;
  const claims = await readSessionClaims(request.headers.get("cookie"), env.AUTH_SECRET, {
    isHttps: isHttps(request),
  });
  const age = claims ? Date.now() - claims.issuedAtMs : Number.NaN;
  if (age >= -CLOCK_SKEW_MS && age < SESSION_REFRESH_AFTER_MS) return NextResponse.next();
  return authProxy(request, event);
}

export const config = {
  // Static files and the installable portal's (manifest, service worker, icons) are public.
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|manifest.webmanifest|sw.js|icon.svg|apple-icon.png|icons/).*)",
  ],
};
