import type { NextAuthConfig } from "next-auth";

import { Role } from "@/generated/prisma/enums";
import { signInRedirectUrl } from "@/lib/auth/callback-path";
import { deriveSessionEnd } from "@/lib/auth/session-lifetime";
import { env } from "@/lib/env";

// Edge-safe part of the Auth.js configuration, shared by proxy.ts and lib/auth/auth.ts.

/**
 * The session cookie's own lifetime: the longest absolute lifetime allowed (SESSION_MAX_HOURS is
 * at most 24). Sessions end earlier by the times the token carries (lib/auth/session-lifetime.ts).
 */
export const SESSION_MAX_AGE_SECONDS = 24 * 60 * 60;

export const PUBLIC_PATHS = [
  /^\/sign-in(\/|$)/,
  /^\/signed-out(\/|$)/,
  /^\/dev\/outbox(\/|$)/,
  // A reminder's opt-out link: its signed token is the credential (lib/visit-messages).
  /^\/reminders\/stop$/,
  // A guest's link: its token is the credential, the first browser's claim cookie binds it (lib/guests).
  /^\/guest\/[^/]+$/,
];

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
        token.st = Math.floor(Date.now() / 1000);
        token.il = user.sessionIdleMinutes;
        return token;
      }
      // A renewal (proxy.ts, on a page load): never of a session that has ended.
      if (typeof token.st !== "number" || typeof token.il !== "number") return null;
      const ended = deriveSessionEnd(
        {
          signedInAtMs: token.st * 1000,
          issuedAtMs: (token.iat ?? 0) * 1000,
          idleMinutes: token.il,
        },
        { nowMs: Date.now(), maxHours: env.SESSION_MAX_HOURS },
      );
      return ended ? null : token;
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
