import "server-only";

import { errorFields, log } from "@/lib/log";
import type { ZoomSettings } from "@/lib/zoom/config";
import { exchangeAuthorizationCode, revokeZoomGrant } from "@/lib/zoom/oauth-client";
import type { ZoomTokenResponse, ZoomUser } from "@/lib/zoom/schemas";
import { fetchTokenOwner } from "@/lib/zoom/token-owner";

/** What a completed authorization gives: the tokens, and the Zoom user (and account) behind them. */
export type ZoomGrant = { tokens: ZoomTokenResponse; owner: ZoomUser & { account_id: string } };

/** Exchanges the code (with the PKCE verifier) and learns which Zoom account authorized it. */
export async function obtainZoomGrant(
  settings: ZoomSettings,
  code: string,
  codeVerifier: string,
): Promise<ZoomGrant | null> {
  let tokens: ZoomTokenResponse;
  try {
    tokens = await exchangeAuthorizationCode(settings, { code, codeVerifier });
  } catch (error) {
    log.warn("zoom.link_exchange_failed", errorFields(error));
    return null;
  }
  try {
    return { tokens, owner: await fetchTokenOwner(settings, tokens.access_token) };
  } catch (error) {
    log.warn("zoom.link_owner_failed", errorFields(error));
    await revokeZoomGrant(settings, {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
    });
    return null;
  }
}
