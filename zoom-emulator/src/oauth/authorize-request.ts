import { z } from "zod";

import { type Registration } from "../state/registration-schema";
import { isValidPkceValue, parsePkceMethod, type PkceMethod } from "./pkce";

// Checks an authorization request (zoom-oauth.md#authorize). Problems here show an error page and
// never redirect: a redirect to an unregistered URI is exactly what the exact-match rule prevents.

export const authorizeParamsSchema = z.object({
  response_type: z.string().optional(),
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  state: z.string().optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
});
export type AuthorizeParams = z.infer<typeof authorizeParamsSchema>;

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: PkceMethod | null;
}

export type AuthorizeCheck =
  { isValid: true; request: AuthorizeRequest } | { isValid: false; title: string; message: string };

function invalid(title: string, message: string): AuthorizeCheck {
  return { isValid: false, title, message };
}

export function checkAuthorizeRequest(
  params: AuthorizeParams,
  registration: Registration,
): AuthorizeCheck {
  const clientId = params.client_id ?? "";
  if (clientId !== registration.clientId) {
    return invalid("Invalid client_id", `Invalid client_id: ${clientId} (4702)`);
  }
  const redirectUri = params.redirect_uri ?? "";
  // Exact string match: scheme, host, port, path and trailing slash all count.
  if (!registration.redirectUris.includes(redirectUri)) {
    return invalid("Invalid redirect", `Invalid redirect: ${redirectUri} (4709)`);
  }
  if (params.response_type !== "code") {
    return invalid("Unsupported response type", 'response_type must be "code".');
  }
  const challenge = params.code_challenge ?? "";
  const method = challenge === "" ? null : parsePkceMethod(params.code_challenge_method);
  if (challenge !== "" && (method === null || !isValidPkceValue(challenge))) {
    return invalid("Invalid code challenge", "code_challenge or code_challenge_method is invalid.");
  }
  return {
    isValid: true,
    request: {
      clientId,
      redirectUri,
      state: params.state ?? null,
      codeChallenge: challenge === "" ? null : challenge,
      codeChallengeMethod: method,
    },
  };
}
