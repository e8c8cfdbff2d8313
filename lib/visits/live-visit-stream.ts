import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { errorFields, log } from "@/lib/log";
import { changeHub } from "@/lib/realtime/change-hub";
import { USER_CHANGED_CHANNEL, VISIT_CHANGED_CHANNEL } from "@/lib/realtime/channels";
import { findLiveVisit } from "@/lib/visits/live-visit";
import { LIVE_VISIT_EVENTS, type LiveVisit } from "@/lib/visits/types";

// The body of `GET /api/visits/[visitId]/events`: Server-Sent Events carrying the visit's live
// state. The state is sent on connect, then again whenever a change notification arrives and the
// state read back from the database differs from the last one sent. Comments keep proxies from
// closing an idle stream. The stream ends when the viewer's user changes (deactivated, another
// role, sessions ended) and after a while in any case, so that the browser reconnects and the
// viewer's access is checked again.

export const LIVE_VISIT_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

export type LiveVisitStreamOptions = {
  viewer: Viewer;
  initial: LiveVisit;
  signal: AbortSignal;
  pingMs?: number;
  lifetimeMs?: number;
};

const RECONNECT_AFTER_MS = 2_000;
const encoder = new TextEncoder();

const frame = (event: string, data: unknown) =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export function liveVisitStream({
  viewer,
  initial,
  signal,
  pingMs = 15_000,
  lifetimeMs = 10 * 60_000,
}: LiveVisitStreamOptions): ReadableStream<Uint8Array> {
  const { visitId } = initial;
  let stop: () => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let isClosed = false;
      let lastSent = "";
      let isReading = false;
      let isReadAgain = false;

      const write = (text: string) => {
        if (!isClosed) controller.enqueue(encoder.encode(text));
      };
      const send = (state: LiveVisit) => {
        const json = JSON.stringify(state);
        if (json === lastSent) return;
        lastSent = json;
        write(frame(LIVE_VISIT_EVENTS.state, state));
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
            if (isClosed) return;
            if (!state) {
              write(frame(LIVE_VISIT_EVENTS.gone, { visitId }));
              close();
              return;
            }
            send(state);
          } while (isReadAgain);
        } catch (error) {
          // The database is unreachable: end the stream; the browser reconnects and reads again.
          log.warn("visit_events.read_failed", errorFields(error));
          close();
        } finally {
          isReading = false;
        }
      };

      write(`retry: ${RECONNECT_AFTER_MS}\n\n`);
      send(initial);
      const unsubscribe = changeHub().subscribe(
        VISIT_CHANGED_CHANNEL,
        visitId,
        () => void refresh(),
      );
      const unwatchViewer = changeHub().subscribe(USER_CHANGED_CHANNEL, viewer.id, (reason) => {
        if (reason === "changed") close();
      });
      const ping = setInterval(() => write(": ping\n\n"), pingMs);
      const lifetime = setTimeout(() => close(), lifetimeMs);
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        unsubscribe();
        unwatchViewer();
        clearInterval(ping);
        clearTimeout(lifetime);
        signal.removeEventListener("abort", close);
        controller.close();
      };
      stop = close;
      signal.addEventListener("abort", close);
      // Anything that changed between the first read and the subscription.
      void refresh();
    },
    cancel() {
      stop();
    },
  });
}
