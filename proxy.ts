import NextAuth from "next-auth";

import { authConfig } from "@/lib/auth/config";

// Sends signed-out visitors to /sign-in (see authConfig.callbacks.authorized). It never decides
// access to a record: pages and routes do.
const { auth } = NextAuth(authConfig);

export { auth as proxy };

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
