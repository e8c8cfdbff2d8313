import { type Emulator } from "../emulator";
import { type RequestContext, route, type Route } from "../http/router";
import { readForm } from "../http/request-body";
import { sendJson } from "../http/responses";
import { isClientAuthenticated } from "./client-auth";
import { issueGrant, rotateGrant } from "./grants";
import { sendInvalidClient, sendOAuthError } from "./oauth-errors";
import { isVerifierValid } from "./pkce";

// POST /oauth/token: authorization_code and refresh_token grants. Parameters may come in the
// form body or the query string (zoom-oauth.md#token-endpoint); the body wins when both have one.
// @see docs/protocols/zoom-oauth.md#token-endpoint
// @see docs/protocols/zoom-oauth.md#token-lifetimes-and-rotation
// @see docs/protocols/zoom-oauth.md#errors

type Params = Record<string, string | undefined>;

function invalidGrant(emulator: Emulator, context: RequestContext, reason: string) {
  emulator.state.stats.invalidGrants += 1;
  emulator.changed();
  sendOAuthError(context.res, "invalid_grant", reason);
}

function exchangeCode(emulator: Emulator, context: RequestContext, params: Params) {
  const { code, redirect_uri: redirectUri, code_verifier: verifier } = params;
  if (!code) return sendOAuthError(context.res, "invalid_request", "Missing code");
  if (!redirectUri) return sendOAuthError(context.res, "invalid_request", "Missing redirect_uri");
  const { state } = emulator;
  const stored = state.authCodes.find((item) => item.code === code);
  // Single use: the first exchange attempt consumes the code, whatever its outcome.
  state.authCodes = state.authCodes.filter((item) => item !== stored);
  emulator.changed();
  if (!stored) return invalidGrant(emulator, context, `Invalid authorization code ${code}`);
  if (stored.expiresAt <= emulator.now())
    return invalidGrant(emulator, context, "Authorization code is expired");
  if (stored.redirectUri !== redirectUri)
    return invalidGrant(emulator, context, "Redirect URI mismatch");
  if (stored.codeChallenge !== null && stored.codeChallengeMethod !== null) {
    if (!verifier) return sendOAuthError(context.res, "invalid_request", "Missing code_verifier");
    if (!isVerifierValid(verifier, stored.codeChallenge, stored.codeChallengeMethod)) {
      return invalidGrant(emulator, context, "Invalid code_verifier");
    }
  }
  sendJson(context.res, 200, issueGrant(emulator, stored.accountId, stored.userId));
}

function refresh(emulator: Emulator, context: RequestContext, params: Params) {
  const refreshToken = params.refresh_token;
  if (!refreshToken) return sendOAuthError(context.res, "invalid_request", "Missing refresh_token");
  const tokens = rotateGrant(emulator, refreshToken);
  if (!tokens) return invalidGrant(emulator, context, "Invalid Token!");
  emulator.state.stats.refreshes += 1;
  sendJson(context.res, 200, tokens);
}

async function handleToken(emulator: Emulator, context: RequestContext) {
  const params: Params = {
    ...Object.fromEntries(context.url.searchParams),
    ...(await readForm(context.req)),
  };
  const grantType = params.grant_type;
  const { stats } = emulator.state;
  if (grantType === "authorization_code" || grantType === "refresh_token") {
    stats.tokenRequests[grantType] += 1;
    emulator.changed();
  }
  if (!isClientAuthenticated(context.req, emulator.state.registration))
    return sendInvalidClient(context.res);
  if (!grantType) return sendOAuthError(context.res, "invalid_request", "Missing grant_type");
  if (grantType === "authorization_code") return exchangeCode(emulator, context, params);
  if (grantType === "refresh_token") return refresh(emulator, context, params);
  sendOAuthError(context.res, "unsupported_grant_type", "Unsupported grant type");
}

export function tokenRoutes(emulator: Emulator): Route[] {
  return [route("POST", "/oauth/token", (context) => handleToken(emulator, context))];
}
