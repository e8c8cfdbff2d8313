import "server-only";

import type { IncomingMessage } from "node:http";

// The one body reader of both webhook entry points: the production server's direct route (Node's
// request) and the App Router route (a web Request). A body is read only up to the entry point's
// cap: one announced larger is refused before a byte is read, and one that passes the cap as it
// arrives is refused there, the rest never read, so a huge body is never held in memory. A body
// still arriving when its time is up is refused too, so that slow senders cannot hold
// connections open (issue 17).

/** Where a request body comes from: what it announced, and its chunks as they arrive. */
export type BodySource = {
  /** The Content-Length header, when there is one. */
  declaredLength: number | null;
  /** The next chunk, or null at the end; rejects when the sender went away mid-body. */
  read(): Promise<Uint8Array | null>;
  /** Reads no more of the body. */
  stop(): void;
};

export type CappedBody =
  { status: "read"; text: string } | { status: "too_large" } | { status: "timed_out" };

export type BodyLimits = {
  maxBytes: number;
  /** From the first read to the body's end. */
  timeoutMs: number;
};

const declaredLengthOf = (header: string | null | undefined) =>
  header === null || header === undefined ? null : Number(header);

/** Node's request, as the production server receives it. The connection is left open to answer. */
export function nodeBodySource(request: IncomingMessage): BodySource {
  const chunks = request[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return {
    declaredLength: declaredLengthOf(request.headers["content-length"]),
    read: async () => {
      const next = await chunks.next();
      return next.done ? null : next.value;
    },
    // Not chunks.return(): that would destroy the socket before the refusal is sent. Unread, the
    // rest of the body waits in the socket until the answer closes the connection.
    stop: () => request.pause(),
  };
}

/** A web Request, as the App Router gives it. */
export function webBodySource(request: Request): BodySource {
  const reader = request.body?.getReader();
  return {
    declaredLength: declaredLengthOf(request.headers.get("content-length")),
    read: async () => {
      if (!reader) return null;
      const next = await reader.read();
      return next.done ? null : next.value;
    },
    stop: () => void reader?.cancel().catch(() => undefined),
  };
}

const TIMED_OUT = Symbol("timed out");

/** The body as UTF-8 text, unless it is larger than `maxBytes` or still arriving after `timeoutMs`. */
export async function readBodyCapped(
  source: BodySource,
  { maxBytes, timeoutMs }: BodyLimits,
): Promise<CappedBody> {
  if ((source.declaredLength ?? 0) > maxBytes) {
    source.stop();
    return { status: "too_large" };
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const reading = source.read();
      const chunk = await Promise.race([reading, deadline]);
      if (chunk === TIMED_OUT) {
        reading.catch(() => undefined); // the sender going away later is no one's concern
        source.stop();
        return { status: "timed_out" };
      }
      if (chunk === null) break;
      size += chunk.byteLength;
      if (size > maxBytes) {
        source.stop();
        return { status: "too_large" };
      }
      chunks.push(chunk);
    }
  } finally {
    clearTimeout(timer);
  }
  return { status: "read", text: Buffer.concat(chunks).toString("utf8") };
}
