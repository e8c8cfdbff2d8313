import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { Role, VideoUserIdSource, ZoomConnectionStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { decryptSecret, encryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { sha256Hex } from "@/lib/crypto/hmac";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import type { ZoomLinkFailure } from "@/lib/zoom/link/link-failure";
import { getZoomSettings, type ZoomSettings } from "@/lib/zoom/config";
import { exchangeAuthorizationCode, revokeZoomGrant } from "@/lib/zoom/oauth-client";
import type { ZoomTokenResponse, ZoomUser } from "@/lib/zoom/schemas";
import { fetchTokenOwner } from "@/lib/zoom/token-owner";

export type CompleteZoomLinkOptions = {
  viewer: Viewer;
  code?: string;
  state?: string;
  /** Zoom's `error` parameter, e.g. access_denied when the admin declined. */
  error?: string;
};

export type ZoomLinkOutcome = { status: "linked" } | { status: "failed"; reason: ZoomLinkFailure };

const failed = (reason: ZoomLinkFailure): ZoomLinkOutcome => ({ status: "failed", reason });

type Grant = { tokens: ZoomTokenResponse; owner: ZoomUser & { account_id: string } };

/** Checks and uses up the state: unknown, another admin's, reused or expired states fail. */
async function consumeState(
  viewer: Viewer,
  state: string | undefined,
): Promise<{ ok: false; failure: ZoomLinkFailure } | { ok: true; codeVerifier: string }> {
  if (!state) return { ok: false, failure: "missing_state" };
  const stateHash = sha256Hex(state);
  const row = await db.oAuthState.findUnique({
    where: { stateHash },
    select: { id: true, organizationId: true, userId: true, codeVerifier: true, expiresAt: true },
  });
  if (!row || row.userId !== viewer.id || row.organizationId !== viewer.organizationId)
    return { ok: false, failure: "invalid_state" };
  const { count } = await db.oAuthState.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (count === 0) return { ok: false, failure: "used_state" };
  if (row.expiresAt < new Date()) return { ok: false, failure: "expired_state" };
  return {
    ok: true,
    codeVerifier: decryptSecret(row.codeVerifier, sealedFields.oauthCodeVerifier(stateHash)),
  };
}

/** Exchanges the code (with the PKCE verifier) and learns which Zoom account authorized it. */
async function obtainGrant(
  settings: ZoomSettings,
  code: string,
  codeVerifier: string,
): Promise<Grant | null> {
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

/** One Zoom account per organization, and one organization per Zoom account. */
async function findLinkConflict(
  organizationId: string,
  zoomAccountId: string,
): Promise<ZoomLinkFailure | null> {
  const [elsewhere, current] = await Promise.all([
    db.zoomConnection.findFirst({
      where: {
        zoomAccountId,
        status: { not: ZoomConnectionStatus.REMOVED },
        organizationId: { not: organizationId },
      },
      select: { id: true },
    }),
    db.zoomConnection.findUnique({
      where: { organizationId },
      select: { status: true, zoomAccountId: true },
    }),
  ]);
  if (elsewhere) return "account_in_use";
  // A broken connection is relinked with the same account; switching accounts needs a removal
  // first, which records what happens to the old account's data.
  if (
    current &&
    current.status !== ZoomConnectionStatus.REMOVED &&
    current.zoomAccountId !== zoomAccountId
  )
    return "already_linked";
  return null;
}

/**
 * A grant that this organization will not keep. Zoom keeps only an account's newest authorization
 * (older tokens are refused with 4741, docs/protocols/zoom-oauth.md), so when another
 * organization's connection holds the account, this grant has just replaced that connection's
 * tokens: revoking it would remove the app from that clinic's Zoom account and send its connection
 * to relinking. It goes to the connection it belongs to instead, audited there without naming who
 * tried. Otherwise nobody holds the account here, and the grant is revoked.
 */
async function settleUnkeptGrant(
  settings: ZoomSettings,
  organizationId: string,
  { tokens, owner }: Grant,
): Promise<void> {
  const holder = await db.zoomConnection.findFirst({
    where: {
      zoomAccountId: owner.account_id,
      status: { not: ZoomConnectionStatus.REMOVED },
      organizationId: { not: organizationId },
    },
    select: { id: true, organizationId: true },
  });
  if (!holder) {
    await revokeZoomGrant(settings, {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
    });
    return;
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.zoomConnection.update({
      where: { id: holder.id },
      data: {
        status: ZoomConnectionStatus.ACTIVE,
        accessToken: encryptSecret(
          tokens.access_token,
          sealedFields.zoomToken(holder.organizationId, "accessToken"),
        ),
        refreshToken: encryptSecret(
          tokens.refresh_token,
          sealedFields.zoomToken(holder.organizationId, "refreshToken"),
        ),
        accessTokenExpiresAt: new Date(now.getTime() + tokens.expires_in * 1000),
        scopes: tokens.scope.split(/\s+/).filter(Boolean),
        // A refresh in flight with the replaced tokens must not overwrite these (tokens.ts).
        tokenVersion: { increment: 1 },
        refreshLeaseUntil: null,
        lastRefreshedAt: now,
        lastError: null,
        lastErrorAt: null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: null,
      organizationId: holder.organizationId,
      action: "zoom.grant_replaced",
      targetType: "zoom_connection",
      targetId: holder.id,
      details: { reason: "authorized_again_at_zoom" },
    });
  });
  log.info("zoom.grant_handed_over", { connectionId: holder.id });
}

async function saveConnection(viewer: Viewer, { tokens, owner }: Grant): Promise<void> {
  const now = new Date();
  const linked = {
    status: ZoomConnectionStatus.ACTIVE,
    zoomAccountId: owner.account_id,
    zoomUserId: owner.id,
    zoomUserEmail: owner.email,
    scopes: tokens.scope.split(/\s+/).filter(Boolean),
    accessToken: encryptSecret(
      tokens.access_token,
      sealedFields.zoomToken(viewer.organizationId, "accessToken"),
    ),
    refreshToken: encryptSecret(
      tokens.refresh_token,
      sealedFields.zoomToken(viewer.organizationId, "refreshToken"),
    ),
    accessTokenExpiresAt: new Date(now.getTime() + tokens.expires_in * 1000),
    refreshLeaseUntil: null,
    lastRefreshedAt: now,
    lastSuccessAt: now,
    lastError: null,
    lastErrorAt: null,
    linkedById: viewer.id,
    linkedAt: now,
    removedAt: null,
  };
  await db.$transaction(async (tx) => {
    const previous = await tx.zoomConnection.findUnique({
      where: { organizationId: viewer.organizationId },
      select: { zoomAccountId: true },
    });
    if (previous && previous.zoomAccountId !== owner.account_id) {
      // Zoom user ids found or created in the old account mean nothing in the new one.
      await tx.user.updateMany({
        where: {
          organizationId: viewer.organizationId,
          videoConferenceUserIdSource: {
            in: [VideoUserIdSource.EMAIL_MATCH, VideoUserIdSource.CREATED],
          },
        },
        data: {
          videoConferenceUserId: null,
          videoConferenceUserIdSource: null,
          videoConferenceUserIdSetAt: null,
        },
      });
    }
    const connection = await tx.zoomConnection.upsert({
      where: { organizationId: viewer.organizationId },
      create: { organizationId: viewer.organizationId, ...linked },
      update: { ...linked, tokenVersion: { increment: 1 } },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "zoom.link",
      targetType: "zoom_connection",
      targetId: connection.id,
      details: { zoomAccountId: owner.account_id },
    });
  });
}

/** Finishes linking on Zoom's redirect to the OAuth callback. Every failure stores nothing. */
export async function completeZoomLink({
  viewer,
  code,
  state,
  error,
}: CompleteZoomLinkOptions): Promise<ZoomLinkOutcome> {
  if (viewer.role !== Role.ADMIN) throw new AppError("forbidden", "Only administrators link Zoom");
  const checked = await consumeState(viewer, state);
  if (!checked.ok) return failed(checked.failure);
  if (error) return failed("declined");
  if (!code) return failed("missing_code");

  const settings = getZoomSettings();
  const grant = await obtainGrant(settings, code, checked.codeVerifier);
  if (!grant) return failed("exchange_failed");
  const discard = () => settleUnkeptGrant(settings, viewer.organizationId, grant);

  const conflict = await findLinkConflict(viewer.organizationId, grant.owner.account_id);
  if (conflict) {
    await discard();
    return failed(conflict);
  }
  try {
    await saveConnection(viewer, grant);
  } catch (saveError) {
    await discard();
    // Another organization linked the same account at the same moment (unique while not removed).
    if (saveError instanceof Prisma.PrismaClientKnownRequestError && saveError.code === "P2002")
      return failed("account_in_use");
    throw saveError;
  }
  log.info("zoom.linked", { organizationId: viewer.organizationId });
  return { status: "linked" };
}
