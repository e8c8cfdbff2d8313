import "server-only";

import { encryptSecret, sealedFields } from "@/lib/crypto/encryption";
import type { ZoomTokenResponse } from "@/lib/zoom/schemas";

/**
 * Zoom's token answer as a connection's columns: both tokens sealed to the organization, the access
 * token's expiry and the granted scopes.
 */
export function sealedTokenColumns(tokens: ZoomTokenResponse, organizationId: string, now: Date) {
  return {
    accessToken: encryptSecret(
      tokens.access_token,
      sealedFields.zoomToken(organizationId, "accessToken"),
    ),
    refreshToken: encryptSecret(
      tokens.refresh_token,
      sealedFields.zoomToken(organizationId, "refreshToken"),
    ),
    accessTokenExpiresAt: new Date(now.getTime() + tokens.expires_in * 1000),
    scopes: tokens.scope.split(/\s+/).filter(Boolean),
  };
}
