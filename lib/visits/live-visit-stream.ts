import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { errorFields, log } from "@/lib/log";
import { changeHub } from "@/lib/realtime/change-hub";
import { VISIT_CHANGED_CHANNEL } from "@/lib/realtime/channels";
import { EVENT_STREAM_HEADERS, eventStream } from "@/lib/realtime/event-stream";
import { findLiveVisit } from "@/lib/visits/live-visit";
import { LIVE_VISIT_EVENTS, type LiveVisit } from "@/lib/visits/types";

// The body of `GET /api/visits/[visitId]/events`: Server-Sent Events carrying the visit's live
// state. The state is sent on connect, then again whenever a change notification arrives and the
// state read back from the database differs from the last one sent. Pings, the end on a change of
// the viewer's user and the stream's lifetime are lib/realtime/event-stream.ts's.

export const LIVE_VISIT_HEADERS = EVENT_STREAM_HEADERS;

export type LiveVisitStreamOptions = {
  viewer: Viewer;
  initial: LiveVisit;
  signal: AbortSignal;
  pingMs?: number;
  lifetimeMs?: number;
};

export function liveVisitStream({
  viewer,
  initial,
  ...options
}: LiveVisitStreamOptions): ReadableStream<Uint8Array> {
  const { visitId } = initial;
  return eventStream({ ...options, viewerId: viewer.id }, (io) => {
    let lastSent = "";
    let isReading = false;
    let isReadAgain = false;

    const send = (state: LiveVisit) => {
      const json = JSON.stringify(state);
      if (json === lastSent) return;
      lastSent = json;
      io.send(LIVE_VISIT_EVENTS.state, state);
    };
    const refresh = async () => {
      if (isReading) {
        isReadAgain = true;
        return;
      }
      isReading = true;
      try {
        do {
          isReadAgain = false;
          const state = await findLiveVisit(viewer, visitId);
          if (io.isClosed) return;
          if (!state) {
            io.send(LIVE_VISIT_EVENTS.gone, { visitId });
            io.close();
            return;
          }
          send(state);
        } while (isReadAgain);
      } catch (error) {
        // The database is unreachable: end the stream; the browser reconnects and reads again.
        log.warn("visit_events.read_failed", errorFields(error));
        io.close();
      } finally {
        isReading = false;
      }
    };

    send(initial);
    const unsubscribe = changeHub().subscribe(VISIT_CHANGED_CHANNEL, visitId, () => void refresh());
    // Anything that changed between the first read and the subscription.
    void refresh();
    return unsubscribe;
  });
}
