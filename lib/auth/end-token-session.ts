import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/db";

/**
 * Auth.js's own sign-out (`POST /api/auth/signout`) ends the session server-side, as the app's
 * sign-out does (end-sessions.ts): the user's session version moves on, so copies of the token
 * stop working too. Only if the token's version is still the user's: after the app's sign-out
 * (which bumps it first, then calls Auth.js) nothing happens twice.
 */
export async function endTokenSession(token: { uid?: string; sv?: number }): Promise<void> {
  const { uid, sv } = token;
  if (!uid || !sv) return;
  await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: uid, sessionVersion: sv },
      select: { id: true, role: true, organizationId: true },
    });
    if (!user) return;
    const { count } = await tx.user.updateMany({
      where: { id: uid, sessionVersion: sv },
      data: { sessionVersion: { increment: 1 } },
    });
    if (count === 0) return;
    await recordAudit(tx, {
      actor: { ...user, ip: null },
      action: "auth.sign_out",
      targetType: "user",
      targetId: user.id,
    });
  });
}
