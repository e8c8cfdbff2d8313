import "server-only";

import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { carryOverOnRelink } from "@/lib/zoom/link/carry-over-on-relink";
import type { ZoomGrant } from "@/lib/zoom/link/obtain-zoom-grant";
import type { ZoomUser } from "@/lib/zoom/schemas";
import { sealedTokenColumns } from "@/lib/zoom/sealed-token-columns";

/** The name Zoom shows for the user: their display name, else first and last name (null if none). */
function zoomUserNameOf(user: ZoomUser): string | null {
  const name =
    user.display_name?.trim() || [user.first_name, user.last_name].filter(Boolean).join(" ").trim();
  return name || null;
}

/** Stores the linked account and its tokens, audited, with what it keeps of the previous link. */
export async function saveZoomConnection(
  viewer: Viewer,
  { tokens, owner }: ZoomGrant,
): Promise<void> {
  const now = new Date();
  const linked = {
    status: ZoomConnectionStatus.ACTIVE,
    zoomAccountId: owner.account_id,
    zoomUserId: owner.id,
    zoomUserEmail: owner.email,
    zoomUserName: zoomUserNameOf(owner),
    ...sealedTokenColumns(tokens, viewer.organizationId, now),
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
    await carryOverOnRelink(
      tx,
      { viewer, previousAccountId: previous?.zoomAccountId ?? null, accountId: owner.account_id },
      now,
    );
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
