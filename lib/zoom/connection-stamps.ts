import "server-only";

import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";

// The admin page's "last successful call" and "last webhook received", written at most once a
// minute per connection and process, so that busy moments do not queue on the connection row.

const STAMP_INTERVAL_MS = 60_000;
const lastStamped = new Map<string, number>();

function isDue(key: string, now: number): boolean {
  if (now - (lastStamped.get(key) ?? 0) < STAMP_INTERVAL_MS) return false;
  lastStamped.set(key, now);
  return true;
}

export async function stampZoomSuccess(connectionId: string): Promise<void> {
  const now = Date.now();
  if (!isDue(`success:${connectionId}`, now)) return;
  await db.zoomConnection.update({
    where: { id: connectionId },
    data: { lastSuccessAt: new Date(now) },
    select: { id: true },
  });
}

export async function stampZoomWebhook(zoomAccountId: string): Promise<void> {
  const now = Date.now();
  if (!isDue(`webhook:${zoomAccountId}`, now)) return;
  await db.zoomConnection.updateMany({
    where: { zoomAccountId, status: { not: ZoomConnectionStatus.REMOVED } },
    data: { lastWebhookAt: new Date(now) },
  });
}
