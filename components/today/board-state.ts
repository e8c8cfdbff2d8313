import { PatientPresence } from "@/generated/prisma/enums";
import { zoneOffsetMs } from "@/lib/time-zone";
import type { BoardRow } from "@/lib/today/types";
import { deriveVisitPhase } from "@/lib/visits/visit-phase";

// Pure decisions of the Today board (no I/O): a row's
// live state and its label, the rows' order, and which waits are long.

export type BoardStateKind =
  "not_joined" | "waiting" | "in_meeting" | "left" | "ended" | "no_show" | "cancelled";

export type BoardState = { kind: BoardStateKind; label: string; waitingMinutes: number | null };

const PRESENCE_KINDS: Record<PatientPresence, BoardStateKind> = {
  [PatientPresence.NOT_JOINED]: "not_joined",
  [PatientPresence.WAITING]: "waiting",
  [PatientPresence.IN_MEETING]: "in_meeting",
  [PatientPresence.LEFT]: "left",
};

const LABELS: Record<Exclude<BoardStateKind, "waiting">, string> = {
  not_joined: "Not joined",
  in_meeting: "In meeting",
  left: "Left",
  ended: "Ended",
  no_show: "No-show",
  cancelled: "Cancelled",
};

/** Whole minutes the patient has waited (0 in the first minute), or null when not waiting. */
export function waitingMinutes(row: BoardRow, now: Date): number | null {
  if (row.patientPresence !== PatientPresence.WAITING || !row.patientWaitingSince) return null;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(row.patientWaitingSince)) / 60_000));
}

/**
 * The row's state: a closed phase (cancelled, no-show, ended: deriveVisitPhase) first, then the
 * patient's presence.
 */
export function deriveBoardState(row: BoardRow, now: Date): BoardState {
  const phase = deriveVisitPhase(row, now);
  if (phase === "cancelled" || phase === "no_show" || phase === "ended")
    return { kind: phase, label: LABELS[phase], waitingMinutes: null };
  const kind = PRESENCE_KINDS[row.patientPresence];
  if (kind !== "waiting") return { kind, label: LABELS[kind], waitingMinutes: null };
  const minutes = waitingMinutes(row, now) ?? 0;
  return {
    kind,
    label: `Waiting for ${minutes} min`,
    waitingMinutes: minutes,
  };
}

/** A wait at or past the clinic's threshold: the board highlights it. */
export function isLongWait(row: BoardRow, now: Date, thresholdMinutes: number): boolean {
  const minutes = waitingMinutes(row, now);
  return minutes !== null && minutes >= thresholdMinutes;
}

/** How many shown patients are waiting now (the tab title counts them). */
export function countWaiting(rows: BoardRow[]): number {
  return rows.filter((row) => row.patientPresence === PatientPresence.WAITING).length;
}

const HOUR_MS = 3_600_000;

/** The clinic-clock hour an instant falls in, as a number that compares across days. */
const localHour = (instant: Date, timeZone: string) =>
  Math.floor((instant.getTime() + zoneOffsetMs(instant, timeZone)) / HOUR_MS);

/**
 * By start time, except within the current hour (of the clinic's clock), where waiting patients
 * come first, the longest waiting first.
 */
export function orderBoardRows(rows: BoardRow[], now: Date, timeZone: string): BoardRow[] {
  const currentHour = localHour(now, timeZone);
  const keyed = rows.map((row) => {
    const start = new Date(row.scheduledStart);
    const isCurrentHour = localHour(start, timeZone) === currentHour;
    const isWaiting = row.patientPresence === PatientPresence.WAITING && row.patientWaitingSince;
    const since = isWaiting ? Date.parse(row.patientWaitingSince ?? "") : null;
    return { row, start: start.getTime(), isCurrentHour, since };
  });
  keyed.sort((a, b) => {
    if (a.isCurrentHour && b.isCurrentHour && (a.since !== null || b.since !== null)) {
      if (a.since === null) return 1;
      if (b.since === null) return -1;
      if (a.since !== b.since) return a.since - b.since;
    }
    return a.start - b.start || a.row.visitId.localeCompare(b.row.visitId);
  });
  return keyed.map((each) => each.row);
}
