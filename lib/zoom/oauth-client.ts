import "server-only";

import { errorFields, log } from "@/lib/log";
import { basicAuthorization, type ZoomSettings } from "@/lib/zoom/config";
import {
  type ZoomTokenResponse,
  zoomOAuthErrorSchema,
  zoomTokenResponseSchema,
} from "@/lib/zoom/schemas";

// Zoom's OAuth endpoints: authorize URL, token exchange and refresh, revoke, data compliance.
// @see docs/protocols/zoom-oauth.md

const OAUTH_TIMEOUT_MS = 10_000;

/** A refused or failed OAuth call. `status` 0 means Zoom could not be reached. */
export class ZoomOAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason?: string,
  ) {
    // Zoom's `reason` can quote the code or token it refused: it stays out of the message (and logs).
    super(`Zoom OAuth ${status}: ${error}`);
    this.name = "ZoomOAuthError";
  }

  get isInvalidGrant(): boolean {
    return this.error === "invalid_grant";
  }
}

/** @see docs/protocols/zoom-oauth.md#authorize */
export function buildAuthorizeUrl(
  settings: ZoomSettings,
  options: { state: string; codeChallenge: string },
): string {
  const url = new URL(`${settings.oauthBaseUrl}/oauth/authorize`);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    state: options.state,
    code_challenge: options.codeChallenge,
    code_challenge_method: "S256",
  }).toString();
  return url.toString();
}

/** POSTs to Zoom with the app's Basic credentials; a refusal becomes a ZoomOAuthError. */
async function postToZoom(
  settings: ZoomSettings,
  url: string,
  init: { body: string; contentType: string },
): Promise<{ status: number; body: unknown }> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { Authorization: basicAuthorization(settings), "Content-Type": init.contentType },
      body: init.body,
      signal: AbortSignal.timeout(OAUTH_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    throw new ZoomOAuthError(
      0,
      "network_error",
      error instanceof Error ? error.message : undefined,
    );
  }
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const refusal = zoomOAuthErrorSchema.safeParse(body);
    throw new ZoomOAuthError(
      response.status,
      refusal.data?.error ?? "unexpected_response",
      refusal.data?.reason,
    );
  }
  return { status: response.status, body };
}

const FORM = "application/x-www-form-urlencoded";

async function requestTokens(
  settings: ZoomSettings,
  params: Record<string, string>,
): Promise<ZoomTokenResponse> {
  const { status, body } = await postToZoom(settings, `${settings.oauthBaseUrl}/oauth/token`, {
    body: new URLSearchParams(params).toString(),
    contentType: FORM,
  });
  const tokens = zoomTokenResponseSchema.safeParse(body);
  if (!tokens.success) throw new ZoomOAuthError(status, "malformed_response", tokens.error.message);
  return tokens.data;
}

/**
 * @see docs/protocols/zoom-oauth.md#token-endpoint (authorization_code grant, with the PKCE
 * verifier)
 */
export function exchangeAuthorizationCode(
  settings: ZoomSettings,
  options: { code: string; codeVerifier: string },
) {
  return requestTokens(settings, {
    grant_type: "authorization_code",
    code: options.code,
    redirect_uri: settings.redirectUri,
    code_verifier: options.codeVerifier,
  });
}

/**
 * The refresh token rotates: the old one dies when this succeeds.
 * @see docs/protocols/zoom-oauth.md#token-lifetimes-and-rotation
 */
export function refreshZoomTokens(settings: ZoomSettings, refreshToken: string) {
  return requestTokens(settings, { grant_type: "refresh_token", refresh_token: refreshToken });
}

/** @see docs/protocols/zoom-oauth.md#revoke */
async function revokeZoomToken(settings: ZoomSettings, token: string): Promise<void> {
  await postToZoom(
    settings,
    `${settings.oauthBaseUrl}/oauth/revoke?${new URLSearchParams({ token })}`,
    { body: "", contentType: FORM },
  );
}

/**
 * Ends the grant: revokes the access token, as zoom-oauth.md#revoke specifies, or the refresh token
 * when Zoom refuses that (an expired access token). Returns whether Zoom confirmed.
 */
export async function revokeZoomGrant(
  settings: ZoomSettings,
  tokens: { accessToken: string | null; refreshToken: string | null },
): Promise<boolean> {
  for (const token of [tokens.accessToken, tokens.refreshToken]) {
    if (!token) continue;
    try {
      await revokeZoomToken(settings, token);
      return true;
    } catch (error) {
      log.warn("zoom.revoke_failed", errorFields(error));
    }
  }
  return false;
}

/**
 * Tells Zoom that a deauthorized account's data is deleted (on the API host).
 * @see docs/protocols/zoom-oauth.md#data-compliance
 */
export async function reportDataCompliance(
  settings: ZoomSettings,
  payload: Record<string, unknown>,
): Promise<void> {
  const url = new URL("/oauth/data/compliance", settings.apiBaseUrl).toString();
  await postToZoom(settings, url, {
    body: JSON.stringify({ client_id: settings.clientId, ...payload, compliance_completed: true }),
    contentType: "application/json",
  });
}
