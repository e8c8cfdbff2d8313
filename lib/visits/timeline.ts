import { VisitStatus } from "@/generated/prisma/enums";

type TimedVisit = { scheduledStart: Date; durationMinutes: number; status: VisitStatus };

export type VisitPhase = "in_progress" | "upcoming" | "past";

/** Patients may open a visit's meeting this long before it starts. */
export const JOIN_WINDOW_MINUTES = 15;

export function scheduledEndOf(
  visit: Pick<TimedVisit, "scheduledStart" | "durationMinutes">,
): Date {
  return new Date(visit.scheduledStart.getTime() + visit.durationMinutes * 60_000);
}

/**
 * Where a visit stands now: in progress (Zoom says so, or its time has come and it is not over),
 * upcoming, or past (ended, cancelled, or its time went by without it starting).
 */
export function visitPhase(visit: TimedVisit, now: Date): VisitPhase {
  if (visit.status === VisitStatus.ENDED || visit.status === VisitStatus.CANCELLED) return "past";
  if (visit.status === VisitStatus.IN_PROGRESS) return "in_progress";
  if (visit.scheduledStart > now) return "upcoming";
  return scheduledEndOf(visit) > now ? "in_progress" : "past";
}

/** When a patient may join: from JOIN_WINDOW_MINUTES before the start until the visit is over. */
export function joinOpensAt(visit: Pick<TimedVisit, "scheduledStart">): Date {
  return new Date(visit.scheduledStart.getTime() - JOIN_WINDOW_MINUTES * 60_000);
}

/** Splits visits into in progress and upcoming (soonest first) and past (latest first). */
export function groupVisitsByPhase<T extends TimedVisit>(
  visits: T[],
  now: Date,
): Record<VisitPhase, T[]> {
  const groups: Record<VisitPhase, T[]> = { in_progress: [], upcoming: [], past: [] };
  for (const visit of visits) groups[visitPhase(visit, now)].push(visit);
  groups.in_progress.sort((a, b) => a.scheduledStart.getTime() - b.scheduledStart.getTime());
  groups.upcoming.sort((a, b) => a.scheduledStart.getTime() - b.scheduledStart.getTime());
  groups.past.sort((a, b) => b.scheduledStart.getTime() - a.scheduledStart.getTime());
  return groups;
}
