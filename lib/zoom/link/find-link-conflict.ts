import "server-only";

import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import type { ZoomLinkFailure } from "@/lib/zoom/link/link-failure";

/** One Zoom account per organization, and one organization per Zoom account. */
export async function findLinkConflict(
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
