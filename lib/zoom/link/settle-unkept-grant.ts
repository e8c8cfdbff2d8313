import "server-only";

import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/db";
import { log } from "@/lib/log";
import type { ZoomSettings } from "@/lib/zoom/config";
import type { ZoomGrant } from "@/lib/zoom/link/obtain-zoom-grant";
import { revokeZoomGrant } from "@/lib/zoom/oauth-client";
import { sealedTokenColumns } from "@/lib/zoom/sealed-token-columns";

/**
 * A grant that this organization will not keep. Zoom keeps only an account's newest authorization
 * (older tokens are refused with 4741, docs/protocols/zoom-oauth.md), so when another
 * organization's connection holds the account, this grant has just replaced that connection's
 * tokens: revoking it would remove the app from that clinic's Zoom account and send its connection
 * to relinking. It goes to the connection it belongs to instead, audited there without naming who
 * tried. Otherwise nobody holds the account here, and the grant is revoked.
 */
export async function settleUnkeptGrant(
  settings: ZoomSettings,
  organizationId: string,
  { tokens, owner }: ZoomGrant,
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
        ...sealedTokenColumns(tokens, holder.organizationId, now),
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
