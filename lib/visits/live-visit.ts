import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import type { LiveVisit, PatientLiveVisit, StaffLiveVisit } from "@/lib/visits/types";
import { visitsVisibleTo } from "@/lib/visits/visibility";

export const liveVisitSelect = {
  id: true,
  status: true,
  patientPresence: true,
  patientWaitingSince: true,
  isProviderPresent: true,
  providerJoinedAt: true,
  startedAt: true,
  endedAt: true,
  lastEventAt: true,
} satisfies Prisma.VisitSelect;

/** What a live visit is read with: the live columns, and the rest of what its phase is derived from. */
export const liveVisitReadSelect = {
  ...liveVisitSelect,
  scheduledStart: true,
  durationMinutes: true,
  cancelledAt: true,
  noShowAt: true,
} satisfies Prisma.VisitSelect;

type LiveVisitRow = Prisma.VisitGetPayload<{ select: typeof liveVisitReadSelect }>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The patient's view: whether their provider is there. */
export function patientLiveVisit(visit: LiveVisitRow): PatientLiveVisit {
  return {
    view: "patient",
    visitId: visit.id,
    status: visit.status,
    isProviderPresent: visit.isProviderPresent,
  };
}

/** The care team's view: who is where, since when, and what its phase is derived from. */
export function staffLiveVisit(visit: LiveVisitRow): StaffLiveVisit {
  return {
    ...patientLiveVisit(visit),
    view: "staff",
    patientPresence: visit.patientPresence,
    patientWaitingSince: iso(visit.patientWaitingSince),
    providerJoinedAt: iso(visit.providerJoinedAt),
    startedAt: iso(visit.startedAt),
    endedAt: iso(visit.endedAt),
    lastEventAt: iso(visit.lastEventAt),
    scheduledStart: visit.scheduledStart.toISOString(),
    durationMinutes: visit.durationMinutes,
    cancelledAt: iso(visit.cancelledAt),
    noShowAt: iso(visit.noShowAt),
  };
}

export const liveVisitFor = (role: Role, visit: LiveVisitRow): LiveVisit =>
  role === Role.PATIENT ? patientLiveVisit(visit) : staffLiveVisit(visit);

/** The visit's live state, if the viewer may see the visit (else null). */
export async function findLiveVisit(viewer: Viewer, visitId: string): Promise<LiveVisit | null> {
  const visit = await db.visit.findFirst({
    where: { AND: [{ id: visitId }, visitsVisibleTo(viewer)] },
    select: liveVisitReadSelect,
  });
  return visit ? liveVisitFor(viewer.role, visit) : null;
}
