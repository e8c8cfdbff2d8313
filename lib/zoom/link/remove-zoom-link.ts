import "server-only";

import { DataDeletionReason, Role, ZoomConnectionStatus } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { decryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { endZoomConnection } from "@/lib/retention/end-zoom-connection";
import { getZoomSettings } from "@/lib/zoom/config";
import { revokeZoomGrant } from "@/lib/zoom/oauth-client";

export type RemoveZoomLinkOptions = { viewer: Viewer; retainData: boolean };

/**
 * Unlinks Zoom: revokes the tokens at Zoom (which ends the whole grant), forgets them, and records
 * the retention choice. Nobody can create meetings until an admin links Zoom again.
 * @see docs/protocols/zoom-oauth.md#revoke
 */
export async function removeZoomLink({
  viewer,
  retainData,
}: RemoveZoomLinkOptions): Promise<{ isRevokedAtZoom: boolean }> {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators unlink Zoom");
  const connection = await db.zoomConnection.findFirst({
    where: { organizationId: viewer.organizationId, status: { not: ZoomConnectionStatus.REMOVED } },
    select: { id: true, zoomAccountId: true, refreshToken: true, accessToken: true },
  });
  if (!connection)
    throw new AppError("not_found", "Zoom is not linked", { userMessage: "Zoom is not linked." });

  const isRevokedAtZoom = await revokeZoomGrant(getZoomSettings(), {
    accessToken: connection.accessToken
      ? decryptSecret(
          connection.accessToken,
          sealedFields.zoomToken(viewer.organizationId, "accessToken"),
        )
      : null,
    refreshToken: connection.refreshToken
      ? decryptSecret(
          connection.refreshToken,
          sealedFields.zoomToken(viewer.organizationId, "refreshToken"),
        )
      : null,
  });

  await db.$transaction((tx) =>
    endZoomConnection(tx, {
      connection: { ...connection, organizationId: viewer.organizationId },
      reason: DataDeletionReason.REMOVED_BY_ADMIN,
      retentionAllowed: retainData,
      at: new Date(),
      actor: viewer,
      auditDetails: { isRevokedAtZoom },
    }),
  );
  return { isRevokedAtZoom };
}
