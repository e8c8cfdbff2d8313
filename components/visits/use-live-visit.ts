"use client";

import { useEffect, useState } from "react";

import { openRetryingEventSource } from "@/components/realtime/open-retrying-event-source";
import { LIVE_VISIT_EVENTS, type LiveVisit } from "@/lib/visits/types";

export type LiveConnection = "connecting" | "live" | "reconnecting" | "gone";

/**
 * The visit's live state from `GET /api/visits/[visitId]/events`, starting from what the page
 * rendered; the stream stops for good when the server says the visit is gone.
 */
export function useLiveVisit<T extends LiveVisit>(
  initial: T,
): { state: T; connection: LiveConnection } {
  const [state, setState] = useState(initial);
  const [connection, setConnection] = useState<LiveConnection>("connecting");
  const { visitId } = initial;

  useEffect(() => {
    const stream = openRetryingEventSource(`/api/visits/${visitId}/events`, {
      events: {
        [LIVE_VISIT_EVENTS.state]: (data) => {
          setState(JSON.parse(data) as T);
          setConnection("live");
        },
        [LIVE_VISIT_EVENTS.gone]: () => {
          stream.close();
          setConnection("gone");
        },
      },
      onOpen: () => setConnection("live"),
      onReconnecting: () => setConnection("reconnecting"),
    });
    return stream.close;
  }, [visitId]);

  return { state, connection };
}
