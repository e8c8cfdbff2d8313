"use client";

import { useEffect, useRef } from "react";

import { countWaiting, isLongWait, waitingMinutes } from "@/components/today/board-state";
import {
  announcePatientWaiting,
  useArrivalAlertSetting,
} from "@/components/visits/use-arrival-alert";
import type { BoardRow } from "@/lib/today/types";

export type BoardAlertsOptions = {
  rows: BoardRow[];
  now: Date;
  viewerId: string;
  thresholdMinutes: number;
};

const BASE_TITLE = "Today · CareVisit";

/**
 * The board's alerts, opt-in per browser (the same switch as the Video Conferencing page's): a
 * chime and "A patient is waiting" when a shown visit's patient starts waiting, a second nudge
 * once the wait passes the clinic's threshold, none for a visit whose meeting I am in (I am its
 * provider and present). The tab's title counts the waiting patients: "(2) Today · CareVisit".
 */
export function useBoardAlerts({ rows, now, viewerId, thresholdMinutes }: BoardAlertsOptions) {
  const setting = useArrivalAlertSetting();
  const { isOn } = setting;
  const alerted = useRef<Map<string, "arrived" | "nudged"> | null>(null);

  useEffect(() => {
    const waiting = countWaiting(rows);
    document.title = waiting > 0 ? `(${waiting}) ${BASE_TITLE}` : BASE_TITLE;
  }, [rows]);

  useEffect(() => {
    const isFirst = alerted.current === null;
    const previous = alerted.current ?? new Map<string, "arrived" | "nudged">();
    const next = new Map<string, "arrived" | "nudged">();
    let arrivals = 0;
    let nudges = 0;
    for (const row of rows) {
      if (waitingMinutes(row, now) === null) continue;
      const before = previous.get(row.visitId);
      const isInMeeting = row.provider.id === viewerId && row.isProviderPresent;
      const shouldAlert = !isFirst && !isInMeeting;
      // Patients already waiting when the page opened are counted in the title, not chimed.
      if (!before && shouldAlert) arrivals += 1;
      let state = before ?? "arrived";
      if (isLongWait(row, now, thresholdMinutes) && state !== "nudged") {
        if (shouldAlert) nudges += 1;
        state = "nudged";
      }
      next.set(row.visitId, state);
    }
    alerted.current = next;
    if (!isOn) return;
    if (arrivals > 0) announcePatientWaiting("A patient is in the waiting room.");
    else if (nudges > 0)
      announcePatientWaiting(`A patient has waited ${thresholdMinutes} minutes or more.`);
  }, [rows, now, viewerId, thresholdMinutes, isOn]);

  return setting;
}
