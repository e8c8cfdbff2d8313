import "server-only";

import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { decryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import { getZoomSettings } from "@/lib/zoom/config";
import { refreshZoomTokens, revokeZoomGrant, ZoomOAuthError } from "@/lib/zoom/oauth-client";
import type { ZoomTokenResponse } from "@/lib/zoom/schemas";
import { sealedTokenColumns } from "@/lib/zoom/sealed-token-columns";

// Access tokens, refreshed TOKEN_REFRESH_SKEW_SECONDS before they expire. Zoom rotates refresh
// tokens (docs/protocols/zoom-oauth.md#token-lifetimes-and-rotation): a second refresh with the
// same token kills the connection, so a token version is refreshed exactly once: once per process
// (a shared promise) and once across instances (a lease row update that only one instance can win).

export const TOKEN_REFRESH_SKEW_SECONDS = 60;
const REFRESH_LEASE_SECONDS = 15;
const WAIT_POLL_MS = 100;

export type AccessToken = { token: string; version: number };

const tokenSelect = {
  organizationId: true,
  status: true,
  accessToken: true,
  tokenVersion: true,
  accessTokenExpiresAt: true,
} as const;

export function relinkNeeded(message: string): AppError {
  return new AppError("conflict", message, {
    userMessage:
      "The Zoom connection has stopped working. An administrator needs to link Zoom again.",
  });
}

async function readCurrentToken(connectionId: string): Promise<AccessToken & { expiresAt: Date }> {
  const row = await db.zoomConnection.findUnique({
    where: { id: connectionId },
    select: tokenSelect,
  });
  if (!row || row.status !== ZoomConnectionStatus.ACTIVE || !row.accessToken) {
    throw relinkNeeded(`Zoom connection ${connectionId} is ${row?.status ?? "missing"}`);
  }
  return {
    token: decryptSecret(
      row.accessToken,
      sealedFields.zoomToken(row.organizationId, "accessToken"),
    ),
    version: row.tokenVersion,
    expiresAt: row.accessTokenExpiresAt,
  };
}

/** A usable access token for the connection, refreshed first when it is about to expire. */
export async function getValidAccessToken(connectionId: string): Promise<AccessToken> {
  const current = await readCurrentToken(connectionId);
  if (current.expiresAt.getTime() - Date.now() > TOKEN_REFRESH_SKEW_SECONDS * 1000) {
    return { token: current.token, version: current.version };
  }
  return refreshAccessToken(connectionId, current.version);
}

const inFlight = new Map<string, Promise<AccessToken>>();

/**
 * Replaces token version `staleVersion` (expiring, or refused by Zoom with code 124) and returns
 * the newest token. Concurrent callers share one refresh.
 */
export function refreshAccessToken(
  connectionId: string,
  staleVersion: number,
): Promise<AccessToken> {
  const key = `${connectionId}:${staleVersion}`;
  let refresh = inFlight.get(key);
  if (!refresh) {
    refresh = refreshOnce(connectionId, staleVersion).finally(() => inFlight.delete(key));
    inFlight.set(key, refresh);
  }
  return refresh;
}

async function refreshOnce(connectionId: string, staleVersion: number): Promise<AccessToken> {
  const giveUpAt = Date.now() + (REFRESH_LEASE_SECONDS + 5) * 1000;
  for (;;) {
    const now = new Date();
    const claimed = await db.zoomConnection.updateMany({
      where: {
        id: connectionId,
        status: ZoomConnectionStatus.ACTIVE,
        tokenVersion: staleVersion,
        OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lt: now } }],
      },
      data: { refreshLeaseUntil: new Date(now.getTime() + REFRESH_LEASE_SECONDS * 1000) },
    });
    if (claimed.count === 1) return performRefresh(connectionId, staleVersion);

    // Another request or instance holds the lease, or has already refreshed this version.
    const current = await readCurrentToken(connectionId);
    if (current.version > staleVersion) return { token: current.token, version: current.version };
    if (Date.now() > giveUpAt) {
      throw new AppError(
        "upstream_unavailable",
        "Timed out waiting for another Zoom token refresh",
        {
          userMessage: "Zoom is slow to answer. Try again in a moment.",
        },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
}

async function saveRefreshedTokens(
  { id: connectionId, organizationId }: { id: string; organizationId: string },
  staleVersion: number,
  tokens: ZoomTokenResponse,
) {
  const now = new Date();
  const { count } = await db.zoomConnection.updateMany({
    // Only onto the version we replaced, of a connection still in use: an unlink during the refresh wins.
    where: { id: connectionId, tokenVersion: staleVersion, status: ZoomConnectionStatus.ACTIVE },
    data: {
      ...sealedTokenColumns(tokens, organizationId, now),
      tokenVersion: staleVersion + 1,
      refreshLeaseUntil: null,
      lastRefreshedAt: now,
      lastError: null,
    },
  });
  return count === 1;
}

async function performRefresh(connectionId: string, staleVersion: number): Promise<AccessToken> {
  const row = await db.zoomConnection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { id: true, organizationId: true, refreshToken: true },
  });
  if (!row.refreshToken) throw relinkNeeded(`Zoom connection ${connectionId} has no refresh token`);
  let tokens: ZoomTokenResponse;
  try {
    tokens = await refreshZoomTokens(
      getZoomSettings(),
      decryptSecret(row.refreshToken, sealedFields.zoomToken(row.organizationId, "refreshToken")),
    );
  } catch (error) {
    const isDead = error instanceof ZoomOAuthError && error.isInvalidGrant;
    await db.zoomConnection.updateMany({
      where: { id: connectionId, status: ZoomConnectionStatus.ACTIVE },
      data: {
        refreshLeaseUntil: null,
        lastErrorAt: new Date(),
        lastError: isDead
          ? "Zoom refused the refresh token (invalid_grant). Link Zoom again."
          : `Refreshing the Zoom token failed (${error instanceof ZoomOAuthError ? error.error : "error"}).`,
        ...(isDead ? { status: ZoomConnectionStatus.NEEDS_RELINK } : {}),
      },
    });
    log.warn(isDead ? "zoom.connection_needs_relink" : "zoom.token_refresh_failed", {
      connectionId,
      ...errorFields(error),
    });
    if (isDead) throw relinkNeeded("Zoom refused the refresh token");
    throw new AppError("upstream_unavailable", "Zoom token refresh failed", {
      cause: error,
      userMessage: "Zoom could not be reached. Try again in a moment.",
    });
  }
  if (!(await saveRefreshedTokens(row, staleVersion, tokens))) {
    // Zoom was unlinked while we refreshed: the new grant must not outlive the connection.
    await revokeZoomGrant(getZoomSettings(), {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
    });
    throw relinkNeeded(`Zoom connection ${connectionId} was removed during a token refresh`);
  }
  log.info("zoom.token_refreshed", { connectionId, tokenVersion: staleVersion + 1 });
  return { token: tokens.access_token, version: staleVersion + 1 };
}
