import type { NextAuthConfig } from "next-auth";

import { Role } from "@/generated/prisma/enums";
import { signInRedirectUrl } from "@/lib/auth/callback-path";

// Edge-safe part of the Auth.js configuration, shared by proxy.ts and lib/auth/auth.ts.

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const PUBLIC_PATHS = [/^\/sign-in(\/|$)/, /^\/dev\/outbox(\/|$)/];

const roleSchema = new Set<string>(Object.values(Role));

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.role = user.role;
        token.org = user.organizationId;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role && roleSchema.has(token.role) && token.org && token.sv) {
        session.user = {
          ...session.user,
          id: token.uid,
          role: token.role,
          organizationId: token.org,
          sessionVersion: token.sv,
        };
      }
      return session;
    },
    // Used by proxy.ts only: signed-out visitors go to /sign-in. Pages decide access to records.
    authorized({ auth, request }) {
      if (PUBLIC_PATHS.some((pattern) => pattern.test(request.nextUrl.pathname))) return true;
      if (auth?.user) return true;
      return Response.redirect(signInRedirectUrl(request.nextUrl), 307);
    },
  },
} satisfies NextAuthConfig;
