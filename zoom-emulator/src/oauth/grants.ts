import { type Emulator } from "../emulator";
import { newZoomId } from "../ids";
import { type Grant } from "../state/grant-schema";
import { buildTokenString } from "./token-strings";

// Token grants. Refresh tokens rotate: each refresh replaces the refresh token, while earlier
// access tokens live out their own hour. A new authorization of an account replaces its earlier
// grants (Zoom error 4741), and revoke or deauthorization removes them. A removed token is
// simply unknown, which gives the same errors Zoom gives for revoked ones.
// @see docs/protocols/zoom-oauth.md

export interface TokenResponse {
  access_token: string;
  token_type: "bearer";
  refresh_token: string;
  expires_in: number;
  scope: string;
  api_url: string;
}

function addTokens(emulator: Emulator, grant: Grant): TokenResponse {
  const { registration } = emulator.state;
  const now = emulator.now();
  const claims = {
    clientId: registration.clientId,
    accountId: grant.accountId,
    userId: grant.userId,
    issuedAt: now,
  };
  const accessExpiresAt = now + registration.accessTokenTtlSeconds * 1000;
  const accessToken = buildTokenString({
    ...claims,
    kind: "access_token",
    expiresAt: accessExpiresAt,
  });
  grant.refreshExpiresAt = now + registration.refreshTokenTtlSeconds * 1000;
  grant.refreshToken = buildTokenString({
    ...claims,
    kind: "refresh_token",
    expiresAt: grant.refreshExpiresAt,
  });
  grant.accessTokens = grant.accessTokens.filter((token) => token.expiresAt > now);
  grant.accessTokens.push({ token: accessToken, expiresAt: accessExpiresAt });
  emulator.changed();
  return {
    access_token: accessToken,
    token_type: "bearer",
    refresh_token: grant.refreshToken,
    expires_in: registration.accessTokenTtlSeconds,
    scope: grant.scope,
    api_url: emulator.config.publicUrl,
  };
}

export function issueGrant(emulator: Emulator, accountId: string, userId: string): TokenResponse {
  const { state } = emulator;
  state.grants = state.grants.filter((grant) => grant.accountId !== accountId);
  const grant: Grant = {
    id: newZoomId(),
    accountId,
    userId,
    scope: state.registration.scopes.join(" "),
    refreshToken: "",
    refreshExpiresAt: 0,
    accessTokens: [],
  };
  state.grants.push(grant);
  return addTokens(emulator, grant);
}

export function rotateGrant(emulator: Emulator, refreshToken: string): TokenResponse | null {
  const grant = emulator.state.grants.find((candidate) => candidate.refreshToken === refreshToken);
  if (!grant || grant.refreshExpiresAt <= emulator.now()) return null;
  return addTokens(emulator, grant);
}

export function findGrantByAccessToken(emulator: Emulator, token: string): Grant | null {
  const now = emulator.now();
  return (
    emulator.state.grants.find((grant) =>
      grant.accessTokens.some((access) => access.token === token && access.expiresAt > now),
    ) ?? null
  );
}

// Revoking either token of a grant ends the whole authorization: the app is removed.
export function revokeToken(emulator: Emulator, token: string): boolean {
  const grant = emulator.state.grants.find(
    (candidate) =>
      candidate.refreshToken === token ||
      candidate.accessTokens.some((access) => access.token === token),
  );
  if (!grant) return false;
  removeAuthorization(emulator, grant.accountId);
  return true;
}

export function removeAuthorization(emulator: Emulator, accountId: string) {
  const { state } = emulator;
  state.grants = state.grants.filter((grant) => grant.accountId !== accountId);
  state.installations = state.installations.filter((item) => item.accountId !== accountId);
  emulator.changed();
}

export function expireAccessTokens(emulator: Emulator, accountId: string | undefined): number {
  const expiredAt = emulator.now() - 1;
  let count = 0;
  for (const grant of emulator.state.grants) {
    if (accountId !== undefined && grant.accountId !== accountId) continue;
    for (const access of grant.accessTokens) {
      if (access.expiresAt > expiredAt) count += 1;
      access.expiresAt = Math.min(access.expiresAt, expiredAt);
    }
  }
  emulator.changed();
  return count;
}
