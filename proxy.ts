import NextAuth from "next-auth";
import type { NextFetchEvent, NextMiddleware, NextRequest } from "next/server";

import { authConfig } from "@/lib/auth/config";
import { refuseBadFormPost } from "@/lib/refuse-bad-form-post";

// Refuses form posts that Next.js would answer with a 500 (lib/refuse-bad-form-post.ts), then sends
// signed-out visitors to /sign-in (see authConfig.callbacks.authorized). It never decides access
// to a record: pages and routes do.
const { auth } = NextAuth(authConfig);

// Called with the request, `auth` is the proxy itself (as `export { auth as proxy }` would be);
// Auth.js's types list only its wrapper form, whose callback would replace the sign-in redirect.
const authProxy = auth as unknown as NextMiddleware;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  return refuseBadFormPost(request) ?? authProxy(request, event);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
