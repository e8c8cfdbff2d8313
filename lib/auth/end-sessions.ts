import "server-only";

import { recordUserAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";

/**
 * Signing out: the user's session version moves on, so every session token issued before (this
 * browser's, and any copy of it) stops working at once, not only the cookie this browser deletes.
 */
export async function endSessions({ viewer }: { viewer: Viewer }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: viewer.id },
      data: { sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    await recordUserAudit(tx, viewer, "auth.sign_out");
  });
}
