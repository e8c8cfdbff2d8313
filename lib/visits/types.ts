import type { PatientPresence, VisitStatus } from "@/generated/prisma/enums";

// Types shared by the visit pages and their client components: the live waiting room's messages
// (server-sent events; plain JSON, times as ISO strings) and the dates a visit may be scheduled on.

export type PatientLiveVisit = {
  view: "patient";
  visitId: string;
  status: VisitStatus;
  isProviderPresent: boolean;
};

export type StaffLiveVisit = {
  view: "staff";
  visitId: string;
  status: VisitStatus;
  isProviderPresent: boolean;
  patientPresence: PatientPresence;
  patientWaitingSince: string | null;
  providerJoinedAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  lastEventAt: string | null;
  scheduledStart: string;
  durationMinutes: number;
  cancelledAt: string | null;
  noShowAt: string | null;
};

export type LiveVisit = PatientLiveVisit | StaffLiveVisit;

/** The event names of `GET /api/visits/[visitId]/events`. */
export const LIVE_VISIT_EVENTS = { state: "state", gone: "gone" } as const;

/** The dates a visit may be scheduled on (yyyy-mm-dd, in the clinic's zone), for date pickers. */
export type DateRange = { min: string; max: string };
