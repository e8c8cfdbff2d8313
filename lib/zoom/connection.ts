import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { findZoomSettings } from "@/lib/zoom/config";
import { relinkNeeded } from "@/lib/zoom/tokens";

export const zoomConnectionSummarySelect = {
  id: true,
  status: true,
  zoomAccountId: true,
  zoomUserEmail: true,
  zoomUserName: true,
  scopes: true,
  linkedAt: true,
  lastRefreshedAt: true,
  lastSuccessAt: true,
  lastWebhookAt: true,
  lastErrorAt: true,
  lastError: true,
  removedAt: true,
} satisfies Prisma.ZoomConnectionSelect;

/** The organization's Zoom connection in any state (linked, broken, removed), or null if never linked. */
export async function findZoomConnection(organizationId: string) {
  return db.zoomConnection.findUnique({
    where: { organizationId },
    select: {
      ...zoomConnectionSummarySelect,
      linkedBy: { select: { firstName: true, lastName: true } },
    },
  });
}

/** The organization's working connection; a clear "link Zoom" or "relink Zoom" error otherwise. */
export async function getActiveZoomConnection(organizationId: string): Promise<{ id: string }> {
  const connection = await db.zoomConnection.findUnique({
    where: { organizationId },
    select: { id: true, status: true },
  });
  if (!connection || connection.status === ZoomConnectionStatus.REMOVED) {
    throw new AppError("conflict", "Zoom is not linked", {
      userMessage:
        "Zoom is not linked to CareVisit. An administrator can link it under Settings → Video conferencing.",
    });
  }
  if (connection.status === ZoomConnectionStatus.NEEDS_RELINK)
    throw relinkNeeded("Zoom connection needs relinking");
  return { id: connection.id };
}

/** True when the organization linked Zoom and the connection has stopped working. */
export async function isZoomBroken(organizationId: string): Promise<boolean> {
  const connection = await db.zoomConnection.findUnique({
    where: { organizationId },
    select: { status: true },
  });
  return connection?.status === ZoomConnectionStatus.NEEDS_RELINK;
}

/** The organization's working connection, or null (not linked, removed or broken). */
export async function findActiveZoomConnection(
  organizationId: string,
): Promise<{ id: string } | null> {
  return db.zoomConnection.findFirst({
    where: { organizationId, status: ZoomConnectionStatus.ACTIVE },
    select: { id: true },
  });
}

export type ZoomReadiness = "ready" | "not_configured" | "not_linked" | "needs_relink";

/** Whether meetings can be created now, and if not, why (for pages to explain). */
export async function getZoomReadiness(organizationId: string): Promise<ZoomReadiness> {
  if (!findZoomSettings()) return "not_configured";
  const connection = await db.zoomConnection.findUnique({
    where: { organizationId },
    select: { status: true },
  });
  if (!connection || connection.status === ZoomConnectionStatus.REMOVED) return "not_linked";
  return connection.status === ZoomConnectionStatus.NEEDS_RELINK ? "needs_relink" : "ready";
}
