import type { PatientPresence, VisitStatus } from "@/generated/prisma/enums";

// The live waiting room's messages (server-sent events), shared by the stream and the pages.
// Plain JSON: times are ISO strings.

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
};

export type LiveVisit = PatientLiveVisit | StaffLiveVisit;

/** The event names of `GET /api/visits/[visitId]/events`. */
export const LIVE_VISIT_EVENTS = { state: "state", gone: "gone" } as const;
