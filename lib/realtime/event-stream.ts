import "server-only";

import { changeHub } from "@/lib/realtime/change-hub";
import { USER_CHANGED_CHANNEL } from "@/lib/realtime/channels";

// What every Server-Sent Events stream of ours shares (the waiting room's, the Today board's): a
// reconnect delay for the browser, comments that keep proxies from closing an idle stream, an end
// when the viewer's user changes (deactivated, another role, sessions ended) and after a while in
// any case, so that the browser reconnects and the viewer's access is checked again.

export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

export type EventStreamIo = {
  send(event: string, data: unknown): void;
  close(): void;
  readonly isClosed: boolean;
};

export type EventStreamOptions = {
  viewerId: string;
  signal: AbortSignal;
  pingMs?: number;
  lifetimeMs?: number;
  /** Called once when the stream ends. */
  onClose?: () => void;
};

const RECONNECT_AFTER_MS = 2_000;
const encoder = new TextEncoder();

/** A stream whose events `start` sends; `start` returns what to undo when it ends. */
export function eventStream(
  options: EventStreamOptions,
  start: (io: EventStreamIo) => () => void,
): ReadableStream<Uint8Array> {
  const { viewerId, signal, pingMs = 15_000, lifetimeMs = 10 * 60_000 } = options;
  let stop: () => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let isClosed = false;
      let cleanup: () => void = () => undefined;
      const write = (text: string) => {
        if (!isClosed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        cleanup();
        unwatchViewer();
        clearInterval(ping);
        clearTimeout(lifetime);
        signal.removeEventListener("abort", close);
        options.onClose?.();
        controller.close();
      };
      const io: EventStreamIo = {
        send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
        close,
        get isClosed() {
          return isClosed;
        },
      };
      write(`retry: ${RECONNECT_AFTER_MS}\n\n`);
      const unwatchViewer = changeHub().subscribe(USER_CHANGED_CHANNEL, viewerId, (reason) => {
        if (reason === "changed") close();
      });
      const ping = setInterval(() => write(": ping\n\n"), pingMs);
      const lifetime = setTimeout(close, lifetimeMs);
      stop = close;
      signal.addEventListener("abort", close);
      const undo = start(io);
      if (isClosed) undo();
      else cleanup = undo;
    },
    cancel() {
      stop();
    },
  });
}
