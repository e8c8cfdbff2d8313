import "server-only";

import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { findZoomSettings } from "@/lib/zoom/config";
import { findZoomConnection } from "@/lib/zoom/connection";

const MAPPINGS_SHOWN = 200;
const DELETIONS_SHOWN = 10;

/** Everything the Video Conferencing settings page shows an administrator. */
export async function getZoomOverview({ viewer }: { viewer: Viewer }) {
  if (viewer.role !== Role.ADMIN)
    throw new AppError("forbidden", "Only administrators manage Zoom");
  const organizationId = viewer.organizationId;
  const [connection, deletions, staff, staffCount] = await Promise.all([
    findZoomConnection(organizationId),
    db.dataDeletionRequest.findMany({
      where: { organizationId },
      orderBy: { requestedAt: "desc" },
      take: DELETIONS_SHOWN,
      select: {
        id: true,
        reason: true,
        status: true,
        retentionAllowed: true,
        requestedAt: true,
        dueAt: true,
        completedAt: true,
        deletedCounts: true,
        cancelledAt: true,
      },
    }),
    db.user.findMany({
      where: { organizationId, role: { in: [Role.ADMIN, Role.CARE_TEAM] }, isActive: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      take: MAPPINGS_SHOWN,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        role: true,
        videoConferenceUserId: true,
        videoConferenceUserIdSource: true,
      },
    }),
    db.user.count({
      where: { organizationId, role: { in: [Role.ADMIN, Role.CARE_TEAM] }, isActive: true },
    }),
  ]);
  return { isConfigured: findZoomSettings() !== null, connection, deletions, staff, staffCount };
}
