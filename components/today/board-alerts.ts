import { isLongWait, waitingMinutes } from "@/components/today/board-state";
import type { BoardRow } from "@/lib/today/types";

// Which alerts the board owes (pure): the hook keeps the returned state between renders.

/** Per waiting visit: its arrival was alerted, or its long wait too. */
export type AlertedVisits = Map<string, "arrived" | "nudged">;

export type AlertDecision = { alerted: AlertedVisits; arrivals: number; nudges: number };

/**
 * Arrivals: visits newly waiting since `previous`; nudges: waits newly past the threshold. None
 * on the first look (`previous` null: those already waiting are counted in the title, not
 * chimed), and none for a visit whose meeting the viewer is in (its provider, present).
 */
export function decideAlerts(
  previous: AlertedVisits | null,
  rows: BoardRow[],
  now: Date,
  viewerId: string,
  thresholdMinutes: number,
): AlertDecision {
  const alerted: AlertedVisits = new Map();
  let arrivals = 0;
  let nudges = 0;
  for (const row of rows) {
    if (waitingMinutes(row, now) === null) continue;
    const before = previous?.get(row.visitId);
    const isInMeeting = row.provider.id === viewerId && row.isProviderPresent;
    const shouldAlert = previous !== null && !isInMeeting;
    if (!before && shouldAlert) arrivals += 1;
    let state = before ?? "arrived";
    if (isLongWait(row, now, thresholdMinutes) && state !== "nudged") {
      if (shouldAlert) nudges += 1;
      state = "nudged";
    }
    alerted.set(row.visitId, state);
  }
  return { alerted, arrivals, nudges };
}
