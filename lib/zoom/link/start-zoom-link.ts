import "server-only";

import { Role, ZoomConnectionStatus } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { encryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { sha256Hex } from "@/lib/crypto/hmac";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { getZoomSettings } from "@/lib/zoom/config";
import { buildAuthorizeUrl } from "@/lib/zoom/oauth-client";
import { createOAuthState, createPkcePair } from "@/lib/zoom/pkce";

export const OAUTH_STATE_TTL_MINUTES = 10;

/**
 * Begins linking Zoom: a single-use `state` bound to this admin, with its PKCE verifier kept
 * encrypted, and the URL of Zoom's consent page. @see docs/protocols/zoom-oauth.md#authorize
 */
export async function startZoomLink({
  viewer,
}: {
  viewer: Viewer;
}): Promise<{ authorizeUrl: string }> {
  if (viewer.role !== Role.ADMIN) throw new AppError("forbidden", "Only administrators link Zoom");
  const settings = getZoomSettings();
  const existing = await db.zoomConnection.findUnique({
    where: { organizationId: viewer.organizationId },
    select: { status: true },
  });
  if (existing?.status === ZoomConnectionStatus.ACTIVE) {
    throw new AppError("conflict", "Zoom is already linked", {
      userMessage: "Zoom is already linked. Remove it first to link a different Zoom account.",
    });
  }
  const state = createOAuthState();
  const pkce = createPkcePair();
  const now = Date.now();
  const stateHash = sha256Hex(state);
  await db.$transaction([
    db.oAuthState.deleteMany({ where: { expiresAt: { lt: new Date(now - 24 * 3_600_000) } } }),
    db.oAuthState.create({
      data: {
        stateHash,
        organizationId: viewer.organizationId,
        userId: viewer.id,
        codeVerifier: encryptSecret(pkce.verifier, sealedFields.oauthCodeVerifier(stateHash)),
        expiresAt: new Date(now + OAUTH_STATE_TTL_MINUTES * 60_000),
      },
      select: { id: true },
    }),
  ]);
  return { authorizeUrl: buildAuthorizeUrl(settings, { state, codeChallenge: pkce.challenge }) };
}
