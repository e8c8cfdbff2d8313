import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { errorFields, log } from "@/lib/log";
import { changeHub } from "@/lib/realtime/change-hub";
import { USER_CHANGED_CHANNEL } from "@/lib/realtime/channels";
import { type BoardFeed, boardFeed } from "@/lib/today/board-feed";
import { type BoardRowRecord, toBoardRow } from "@/lib/today/board-row";
import { type BoardScope, isInBoardScope } from "@/lib/today/board-scope";
import { readBoardRecords } from "@/lib/today/list-board-rows";
import { BOARD_EVENTS, BOARD_ROW_LIMIT } from "@/lib/today/types";

// The body of `GET /api/today/events`: ONE Server-Sent Events stream for every visit a board
// shows. Once subscribed, it reads the board's rows and sends them as `rows` (again after a
// resync); then `row` carries one row
// that changed or appeared, and `gone` the id of one that left the board's scope. Rows come from
// the process's BoardFeed, which reads each changed visit once for all the boards. Like the
// waiting-room stream, it ends when the viewer's user changes, and after a while in any case.

export type BoardStreamOptions = {
  viewer: Viewer;
  scope: BoardScope;
  signal: AbortSignal;
  /** Called once when the stream ends (gives the user's stream slot back). */
  onClose?: () => void;
  feed?: BoardFeed;
  pingMs?: number;
  lifetimeMs?: number;
};

const RECONNECT_AFTER_MS = 2_000;
const encoder = new TextEncoder();
const frame = (event: string, data: unknown) =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export function boardStream(options: BoardStreamOptions): ReadableStream<Uint8Array> {
  const { viewer, scope, signal, feed = boardFeed() } = options;
  const { pingMs = 15_000, lifetimeMs = 10 * 60_000 } = options;
  let stop: () => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let isClosed = false;
      const shown = new Map<string, string>();
      const write = (text: string) => {
        if (!isClosed) controller.enqueue(encoder.encode(text));
      };
      const sendAll = (records: BoardRowRecord[]) => {
        shown.clear();
        const rows = records.map(toBoardRow);
        for (const row of rows) shown.set(row.visitId, JSON.stringify(row));
        write(frame(BOARD_EVENTS.rows, rows));
      };
      // Changes heard before the first read is sent are applied after it: each was read after its
      // commit, so none is older than what it replaces for long (its own notification follows).
      let queued: [string, BoardRowRecord | null][] | null = [];
      const apply = (visitId: string, visit: BoardRowRecord | null) => {
        if (visit && isInBoardScope(scope, visit)) {
          if (!shown.has(visitId) && shown.size >= BOARD_ROW_LIMIT) return;
          const row = toBoardRow(visit);
          const json = JSON.stringify(row);
          if (shown.get(visitId) === json) return;
          shown.set(visitId, json);
          write(frame(BOARD_EVENTS.row, row));
        } else if (shown.delete(visitId)) {
          write(frame(BOARD_EVENTS.gone, { visitId }));
        }
      };
      const onVisit = (visitId: string, visit: BoardRowRecord | null) => {
        if (queued) queued.push([visitId, visit]);
        else apply(visitId, visit);
      };
      const readAll = () => {
        readBoardRecords(scope).then(
          (records) => {
            sendAll(records);
            const pending = queued ?? [];
            queued = null;
            for (const [visitId, visit] of pending) apply(visitId, visit);
          },
          (error: unknown) => {
            log.warn("today_board.read_failed", errorFields(error));
            close();
          },
        );
      };

      write(`retry: ${RECONNECT_AFTER_MS}\n\n`);
      const unsubscribe = feed.subscribe({ onVisit, onResync: readAll });
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
        options.onClose?.();
        controller.close();
      };
      stop = close;
      signal.addEventListener("abort", close);
      readAll();
    },
    cancel() {
      stop();
    },
  });
}
