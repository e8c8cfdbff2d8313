import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { Role, VisitStatus } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { visitsVisibleTo } from "@/lib/visits/visibility";

/** What is checked before a visit is changed or joined: who it is for, its state and its time. */
export const visitTimingSelect = {
  id: true,
  subjectId: true,
  providerId: true,
  status: true,
  scheduledStart: true,
  durationMinutes: true,
  zoomMeetingId: true,
} satisfies Prisma.VisitSelect;

/**
 * A visit the care team is about to change: visible to the viewer (else not found), the viewer
 * staff (else forbidden), and still scheduled (else a conflict saying why).
 */
export async function getScheduledVisitForChange(viewer: Viewer, visitId: string) {
  const visit = await db.visit.findFirst({
    where: { AND: [{ id: visitId }, visitsVisibleTo(viewer)] },
    select: visitTimingSelect,
  });
  if (!visit) throw new AppError("not_found", "Visit not found");
  if (viewer.role === Role.PATIENT)
    throw new AppError("forbidden", "Patients cannot change visits");
  const problem =
    visit.status === VisitStatus.CANCELLED
      ? "This visit was cancelled."
      : visit.status !== VisitStatus.SCHEDULED
        ? "This visit has already started or ended."
        : null;
  if (problem) throw new AppError("conflict", problem, { userMessage: problem });
  return visit;
}
