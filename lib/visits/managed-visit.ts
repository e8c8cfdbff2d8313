import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import {
  deriveVisitPhase,
  isChangeablePhase,
  type VisitPhase,
  visitPhaseSelect,
} from "@/lib/visits/visit-phase";
import { visitsVisibleTo } from "@/lib/visits/visibility";

/** What is checked before a visit is changed or joined: who it is for, its state and its time. */
export const visitTimingSelect = {
  id: true,
  subjectId: true,
  providerId: true,
  ...visitPhaseSelect,
  zoomMeetingId: true,
} satisfies Prisma.VisitSelect;

/** Why a visit in each phase that cannot change cannot. */
const UNCHANGEABLE: Record<Exclude<VisitPhase, "upcoming" | "joinable">, string> = {
  live: "This visit is in progress.",
  ended: "This visit is over.",
  no_show: "This visit is over.",
  cancelled: "This visit was cancelled.",
};

/**
 * A visit the care team is about to change: visible to the viewer (else not found), the viewer
 * staff (else forbidden), and nobody in it yet and its time not gone by (upcoming or joinable,
 * else a conflict saying why).
 */
export async function getScheduledVisitForChange(viewer: Viewer, visitId: string, now: Date) {
  const visit = await db.visit.findFirst({
    where: { AND: [{ id: visitId }, visitsVisibleTo(viewer)] },
    select: visitTimingSelect,
  });
  if (!visit) throw new AppError("not_found", "Visit not found");
  if (viewer.role === Role.PATIENT)
    throw new AppError("forbidden", "Patients cannot change visits");
  const phase = deriveVisitPhase(visit, now);
  if (!isChangeablePhase(phase)) {
    const problem = UNCHANGEABLE[phase];
    throw new AppError("conflict", problem, { userMessage: problem });
  }
  return visit;
}
