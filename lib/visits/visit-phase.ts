import type { Prisma } from "@/generated/prisma/client";
import { PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import { JOIN_WINDOW_MINUTES } from "@/lib/visits/constants";

// THE phase of a visit, from its recorded state and the clock: every page, the Today board, the
// patient's portal, joining and changing a visit ask this function (pure, so client components
// use it too); SQL that chooses lists uses its twin in visit-phase.sql.ts (decision 037).

export type VisitPhase = "upcoming" | "joinable" | "live" | "ended" | "no_show" | "cancelled";

/** A time as the database gives it, or as a live message carries it (ISO string). */
type Instant = Date | string;

export type VisitPhaseFacts = {
  status: VisitStatus;
  scheduledStart: Instant;
  durationMinutes: number;
  startedAt?: Instant | null;
  endedAt?: Instant | null;
  cancelledAt?: Instant | null;
  noShowAt: Instant | null;
  patientPresence: PatientPresence;
  isProviderPresent: boolean;
};

/** The columns deriveVisitPhase reads. */
export const visitPhaseSelect = {
  status: true,
  scheduledStart: true,
  durationMinutes: true,
  startedAt: true,
  endedAt: true,
  cancelledAt: true,
  noShowAt: true,
  patientPresence: true,
  isProviderPresent: true,
} satisfies Prisma.VisitSelect;

const timeOf = (instant: Instant) =>
  typeof instant === "string" ? Date.parse(instant) : instant.getTime();

/** The end of the visit's booked slot. */
export function scheduledEndOf(visit: Pick<VisitPhaseFacts, "scheduledStart" | "durationMinutes">) {
  return new Date(timeOf(visit.scheduledStart) + visit.durationMinutes * 60_000);
}

/** When a patient may join: JOIN_WINDOW_MINUTES before the start. */
export function joinOpensAt(visit: Pick<VisitPhaseFacts, "scheduledStart">): Date {
  return new Date(timeOf(visit.scheduledStart) - JOIN_WINDOW_MINUTES * 60_000);
}

/**
 * The first rule that holds decides:
 * 1. cancelled: status CANCELLED (or cancelledAt set);
 * 2. the meeting is over (status ENDED, or endedAt set): no_show if the no-show job marked it
 *    (noShowAt), else ended — whatever the clock says, so a visit ended early is over at once;
 * 3. live: the patient is in the waiting room or the meeting (patientPresence);
 * 4. no_show: the job marked it (the patient never joined by the slot's end plus grace), even if
 *    the provider still sits in the meeting;
 * 5. live: the meeting started (status IN_PROGRESS, or startedAt set) or the provider is there;
 * 6. by the clock: upcoming before joinOpensAt, joinable until the slot's end, then ended (its
 *    time went by without anyone joining; the no-show job then marks it no_show).
 */
export function deriveVisitPhase(visit: VisitPhaseFacts, now: Date): VisitPhase {
  if (visit.status === VisitStatus.CANCELLED || visit.cancelledAt) return "cancelled";
  if (visit.status === VisitStatus.ENDED || visit.endedAt)
    return visit.noShowAt ? "no_show" : "ended";
  if (
    visit.patientPresence === PatientPresence.WAITING ||
    visit.patientPresence === PatientPresence.IN_MEETING
  )
    return "live";
  if (visit.noShowAt) return "no_show";
  if (visit.status === VisitStatus.IN_PROGRESS || visit.startedAt || visit.isProviderPresent)
    return "live";
  if (now < joinOpensAt(visit)) return "upcoming";
  return now < scheduledEndOf(visit) ? "joinable" : "ended";
}

/** Over for good: nobody joins it any more, and it is listed under Past. */
export function isClosedPhase(phase: VisitPhase): boolean {
  return phase === "ended" || phase === "no_show" || phase === "cancelled";
}

/** Only a visit nobody has joined yet, whose time has not gone by, may be moved or cancelled. */
export function isChangeablePhase(phase: VisitPhase): phase is "upcoming" | "joinable" {
  return phase === "upcoming" || phase === "joinable";
}

/** The lists pages show: now (live, or its time has come), later, and past. */
export type VisitList = "in_progress" | "upcoming" | "past";

export const VISIT_LIST_OF_PHASE: Record<VisitPhase, VisitList> = {
  live: "in_progress",
  joinable: "in_progress",
  upcoming: "upcoming",
  ended: "past",
  no_show: "past",
  cancelled: "past",
};

/** Splits visits into the three lists: in progress and upcoming soonest first, past latest first. */
export function groupVisitsByList<T extends VisitPhaseFacts>(
  visits: T[],
  now: Date,
): Record<VisitList, T[]> {
  const groups: Record<VisitList, T[]> = { in_progress: [], upcoming: [], past: [] };
  for (const visit of visits) groups[VISIT_LIST_OF_PHASE[deriveVisitPhase(visit, now)]].push(visit);
  const start = (visit: T) => timeOf(visit.scheduledStart);
  groups.in_progress.sort((a, b) => start(a) - start(b));
  groups.upcoming.sort((a, b) => start(a) - start(b));
  groups.past.sort((a, b) => start(b) - start(a));
  return groups;
}
