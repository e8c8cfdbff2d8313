"use client";

import { BellOff, BellRing } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { VisitPresence } from "@/components/visits/presence";
import { useArrivalAlert } from "@/components/visits/use-arrival-alert";
import { type LiveConnection, useLiveVisit } from "@/components/visits/use-live-visit";
import { VisitPhaseBadge } from "@/components/visits/visit-phase-badge";
import { PatientPresence } from "@/generated/prisma/enums";
import type { StaffLiveVisit } from "@/lib/visits/types";
import { deriveVisitPhase, type VisitPhase } from "@/lib/visits/visit-phase";

const TICK_MS = 15_000;
const WAITING_TITLE = "Patient waiting · ";

/** "less than a minute", "1 minute", "12 minutes". */
export function waitedFor(sinceIso: string, nowMs: number): string {
  const minutes = Math.floor((nowMs - Date.parse(sinceIso)) / 60_000);
  if (minutes < 1) return "less than a minute";
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

const CONNECTION_LABEL: Record<LiveConnection, string> = {
  connecting: "Connecting to live updates…",
  live: "Live",
  reconnecting: "Reconnecting to live updates…",
  gone: "Live updates stopped: reload the page",
};

/** The clock, ticking every TICK_MS: waits grow and phases follow the time. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, TICK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return now;
}

/** Visits on this page whose patient waits: the title keeps its prefix while any does. */
let waitingVisits = 0;

const addWaitingPrefix = () => {
  if (!document.title.startsWith(WAITING_TITLE)) document.title = WAITING_TITLE + document.title;
};

/**
 * While a patient waits, the tab's title says so (a background tab is noticed too). Next.js may
 * write the page's title after this effect ran (its metadata streams in after the page), so the
 * prefix is put back whenever the head changes.
 */
function useWaitingTitle(isWaiting: boolean) {
  useEffect(() => {
    if (!isWaiting) return;
    waitingVisits += 1;
    addWaitingPrefix();
    const observer = new MutationObserver(addWaitingPrefix);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      waitingVisits -= 1;
      if (waitingVisits === 0 && document.title.startsWith(WAITING_TITLE))
        document.title = document.title.slice(WAITING_TITLE.length);
    };
  }, [isWaiting]);
}

/**
 * When the live state puts the visit in another phase than the page was rendered for (a meeting
 * ended early, a patient arrived, its time came), the page is rendered again, so that the lists
 * and the actions follow: once per change, without reloading the document.
 */
function usePhaseRefresh(rendered: VisitPhase, current: VisitPhase) {
  const router = useRouter();
  const requested = useRef(rendered);
  useEffect(() => {
    if (current === rendered || current === requested.current) return;
    requested.current = current;
    router.refresh();
  }, [current, rendered, router]);
}

type LiveVisitPresenceProps = {
  initial: StaffLiveVisit;
  /** The phase the page placed the visit by (deriveVisitPhase on the server). */
  phase: VisitPhase;
};

/** The care team's live view of a visit: phase, who is there, and how long the patient waited. */
export function LiveVisitPresence({ initial, phase }: LiveVisitPresenceProps) {
  const { state, connection } = useLiveVisit(initial);
  const isWaiting = state.patientPresence === PatientPresence.WAITING;
  const now = useNow();
  const livePhase = deriveVisitPhase(state, new Date(now));
  usePhaseRefresh(phase, livePhase);
  useWaitingTitle(isWaiting);
  const alert = useArrivalAlert(isWaiting);

  return (
    <div className="flex flex-col gap-2" data-testid="live-presence">
      <div role="status" aria-live="polite" className="flex flex-wrap items-center gap-2">
        <VisitPhaseBadge phase={livePhase} />
        <VisitPresence
          patientPresence={state.patientPresence}
          isProviderPresent={state.isProviderPresent}
        />
        {isWaiting && state.patientWaitingSince ? (
          <span className="text-sm font-semibold text-amber-950">
            Waiting for {waitedFor(state.patientWaitingSince, now)}
          </span>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-700">
        <span className="inline-flex items-center gap-1.5">
          <span
            aria-hidden
            className={
              connection === "live"
                ? "size-2 rounded-full bg-green-600"
                : "size-2 rounded-full bg-slate-400"
            }
          />
          {CONNECTION_LABEL[connection]}
        </span>
        <Button
          type="button"
          variant="ghost"
          className="px-2 py-1 text-xs"
          aria-pressed={alert.isOn}
          onClick={() => void alert.toggle()}
        >
          {alert.isOn ? (
            <BellRing aria-hidden className="size-4" />
          ) : (
            <BellOff aria-hidden className="size-4" />
          )}
          {alert.isOn ? "Arrival alerts on" : "Alert me when the patient arrives"}
        </Button>
      </div>
    </div>
  );
}
