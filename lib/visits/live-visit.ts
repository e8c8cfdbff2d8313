import "server-only";

import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db";
import type { LiveVisit } from "@/lib/visits/live-visit-types";
import { visitsVisibleTo } from "@/lib/visits/visibility";

/**
 * What the live waiting room shows of a visit, if the viewer may see it: everything for its
 * organization's staff, and for its patient only whether the provider is there.
 */
export async function readLiveVisit(viewer: Viewer, visitId: string): Promise<LiveVisit | null> {
  const visit = await db.visit.findFirst({
    where: { AND: [{ id: visitId }, visitsVisibleTo(viewer)] },
    select: {
      id: true,
      status: true,
      patientPresence: true,
      patientWaitingSince: true,
      isProviderPresent: true,
      providerJoinedAt: true,
      startedAt: true,
      endedAt: true,
      lastEventAt: true,
    },
  });
  if (!visit) return null;
  const shared = {
    visitId: visit.id,
    status: visit.status,
    isProviderPresent: visit.isProviderPresent,
  };
  if (viewer.role === Role.PATIENT) return { view: "patient", ...shared };
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    view: "staff",
    ...shared,
    patientPresence: visit.patientPresence,
    patientWaitingSince: iso(visit.patientWaitingSince),
    providerJoinedAt: iso(visit.providerJoinedAt),
    startedAt: iso(visit.startedAt),
    endedAt: iso(visit.endedAt),
    lastEventAt: iso(visit.lastEventAt),
  };
}
