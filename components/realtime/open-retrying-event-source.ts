// One Server-Sent Events stream that outlives refusals. The browser reconnects by itself after a
// network drop; when the server refused the stream (a 429 over the stream cap, a 503 during a
// database outage) the EventSource is closed for good, so a new one is opened with growing delays.
// Every (re)connection begins with the full state, so the page resynchronises.

const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 30_000;

export type RetryingEventSource = { close: () => void };

export type RetryingEventSourceHandlers = {
  /** Per event name: the frame's data (JSON text). */
  events: Record<string, (data: string) => void>;
  /** The server accepted the stream. */
  onOpen?: () => void;
  /** The stream dropped or was refused; a new one is on its way. */
  onReconnecting: () => void;
};

export function openRetryingEventSource(
  url: string,
  { events, onOpen, onReconnecting }: RetryingEventSourceHandlers,
): RetryingEventSource {
  let source: EventSource | null = null;
  let retryMs = RETRY_MIN_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isClosed = false;

  const connect = () => {
    source = new EventSource(url);
    source.addEventListener("open", () => {
      retryMs = RETRY_MIN_MS;
      onOpen?.();
    });
    for (const [name, handle] of Object.entries(events)) {
      source.addEventListener(name, (event) => {
        if (!isClosed) handle((event as MessageEvent<string>).data);
      });
    }
    source.addEventListener("error", () => {
      if (isClosed) return;
      onReconnecting();
      if (source?.readyState !== EventSource.CLOSED) return; // the browser retries by itself
      timer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    });
  };
  connect();
  return {
    close: () => {
      isClosed = true;
      clearTimeout(timer);
      source?.close();
    },
  };
}
