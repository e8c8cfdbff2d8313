"use client";

import { useEffect, useState } from "react";

import { LIVE_VISIT_EVENTS, type LiveVisit } from "@/lib/visits/types";

export type LiveConnection = "connecting" | "live" | "reconnecting" | "gone";

const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 30_000;

/**
 * The visit's live state from `GET /api/visits/[visitId]/events`, starting from what the page
 * rendered. The browser reconnects by itself after a network drop; when the server refused the
 * stream (e.g. during a database outage) this hook opens a new one with growing delays. Every
 * (re)connection begins with the full state, so the page resynchronises.
 */
export function useLiveVisit<T extends LiveVisit>(
  initial: T,
): { state: T; connection: LiveConnection } {
  const [state, setState] = useState(initial);
  const [connection, setConnection] = useState<LiveConnection>("connecting");
  const { visitId } = initial;

  useEffect(() => {
    let source: EventSource | null = null;
    let retryMs = RETRY_MIN_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isStopped = false;

    const connect = () => {
      source = new EventSource(`/api/visits/${visitId}/events`);
      source.addEventListener("open", () => {
        retryMs = RETRY_MIN_MS;
        setConnection("live");
      });
      source.addEventListener(LIVE_VISIT_EVENTS.state, (event) => {
        setState(JSON.parse((event as MessageEvent<string>).data) as T);
        setConnection("live");
      });
      source.addEventListener(LIVE_VISIT_EVENTS.gone, () => {
        isStopped = true;
        source?.close();
        setConnection("gone");
      });
      source.addEventListener("error", () => {
        if (isStopped) return;
        setConnection("reconnecting");
        if (source?.readyState !== EventSource.CLOSED) return; // the browser retries by itself
        timer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      });
    };
    connect();
    return () => {
      isStopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [visitId]);

  return { state, connection };
}
