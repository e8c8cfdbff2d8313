import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { decryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { sha256Hex } from "@/lib/crypto/hmac";
import { db } from "@/lib/db/db";
import type { ZoomLinkFailure } from "@/lib/zoom/link/link-failure";

/** Checks and uses up the state: unknown, another admin's, reused or expired states fail. */
export async function consumeOAuthState(
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
