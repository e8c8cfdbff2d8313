"use client";

import { useEffect, useRef } from "react";

import { type AlertedVisits, decideAlerts } from "@/components/today/board-alerts";
import { countWaiting } from "@/components/today/board-state";
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
  const alerted = useRef<AlertedVisits | null>(null);

  useEffect(() => {
    const waiting = countWaiting(rows);
    document.title = waiting > 0 ? `(${waiting}) ${BASE_TITLE}` : BASE_TITLE;
  }, [rows]);

  useEffect(() => {
    const decision = decideAlerts(alerted.current, rows, now, viewerId, thresholdMinutes);
    alerted.current = decision.alerted;
    if (!isOn) return;
    if (decision.arrivals > 0) announcePatientWaiting("A patient is in the waiting room.");
    else if (decision.nudges > 0)
      announcePatientWaiting(`A patient has waited ${thresholdMinutes} minutes or more.`);
  }, [rows, now, viewerId, thresholdMinutes, isOn]);

  return setting;
}
