import "server-only";

import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { authenticateWithCode } from "@/lib/auth/authenticate-with-code";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { authConfig } from "@/lib/auth/config";
import { endTokenSession } from "@/lib/auth/end-token-session";
import { codeSignInInputSchema, passwordSignInInputSchema } from "@/lib/auth/schemas";
import { encodeSignInFailure, SignInError, type SignInFailure } from "@/lib/auth/sign-in-failure";
import { log } from "@/lib/log";

class SignInRefused extends CredentialsSignin {
  constructor(failure: SignInFailure) {
    super();
    this.code = encodeSignInFailure(failure);
  }
}

async function refuseOnFailure<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof SignInError) throw new SignInRefused(error.failure);
    throw error;
  }
}

export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      id: "password",
      name: "Email or username and password",
      credentials: { identifier: {}, password: {} },
      authorize: (credentials, request) =>
        refuseOnFailure(() => {
          const parsed = passwordSignInInputSchema.safeParse(credentials);
          if (!parsed.success) throw new SignInError({ reason: "invalid_credentials" });
          return authenticateWithPassword({ ...parsed.data, ip: clientIpFrom(request.headers) });
        }),
    }),
    Credentials({
      id: "one-time-code",
      name: "One-time code",
      credentials: { email: {}, code: {} },
      authorize: (credentials, request) =>
        refuseOnFailure(() => {
          const parsed = codeSignInInputSchema.safeParse(credentials);
          if (!parsed.success) throw new SignInError({ reason: "code_invalid" });
          return authenticateWithCode({ ...parsed.data, ip: clientIpFrom(request.headers) });
        }),
    }),
  ],
  events: {
    // Whoever calls it (the app's sign-out, or a POST to /api/auth/signout), the session ends
    // on the server too, not only in this browser.
    signOut: async (message) => {
      if ("token" in message && message.token) await endTokenSession(message.token);
    },
  },
  logger: {
    // Auth.js would print whole errors; a refused sign-in is expected and already audited.
    error: (error) => {
      if (error instanceof CredentialsSignin) return;
      log.error("auth.error", { errorType: "type" in error ? String(error.type) : error.name });
    },
    warn: (code) => log.warn("auth.warning", { warning: code }),
    debug: () => undefined,
  },
});
