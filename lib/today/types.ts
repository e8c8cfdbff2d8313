import type { GuestRelationship, PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import type { DeviceCheckSummary } from "@/lib/visits/device-check/types";

// What the Today board shows and streams: plain JSON (times as ISO strings), shared by the page,
// its client components and `GET /api/today/events`.

export type BoardRow = {
  visitId: string;
  scheduledStart: string;
  durationMinutes: number;
  status: VisitStatus;
  patientPresence: PatientPresence;
  patientWaitingSince: string | null;
  isProviderPresent: boolean;
  providerJoinedAt: string | null;
  noShowAt: string | null;
  subject: { id: string; name: string; recordNumber: string };
  provider: { id: string; name: string };
  /** The patient's latest device check on this visit (times as ISO strings). */
  deviceCheck: BoardDeviceCheck | null;
  /** Guests there now (matched to their Zoom participant), by relationship. */
  guests: BoardGuest[];
};

export type BoardGuest = { id: string; relationship: GuestRelationship; isInMeeting: boolean };

export type BoardDeviceCheck = Omit<DeviceCheckSummary, "checkedAt"> & { checkedAt: string };

/** The event names of `GET /api/today/events`: every row on connect, then one row at a time. */
export const BOARD_EVENTS = { rows: "rows", row: "row", gone: "gone" } as const;

/** At most this many rows on one board: a day's clinic, not an archive. */
export const BOARD_ROW_LIMIT = 200;

/** The clinic's thresholds (Settings → Today board). */
export type BoardSettings = {
  waitingAlertMinutes: number;
  noShowGraceMinutes: number;
  /** Minutes a guest link works while nobody has used it (it never outlives the visit). */
  guestLinkUnusedMinutes: number;
};
