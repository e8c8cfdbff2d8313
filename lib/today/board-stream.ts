import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { errorFields, log } from "@/lib/log";
import { eventStream } from "@/lib/realtime/event-stream";
import { type BoardFeed, boardFeed } from "@/lib/today/board-feed";
import type { BoardRowRecord } from "@/lib/today/board-rows.sql";
import { type BoardScope, isInBoardScope } from "@/lib/today/board-scope";
import { readBoardRecords } from "@/lib/today/list-board-rows";
import { BOARD_EVENTS, BOARD_ROW_LIMIT } from "@/lib/today/types";

// The body of `GET /api/today/events`: ONE Server-Sent Events stream for every visit a board
// shows. Once subscribed, it reads the board's rows and sends them as `rows` (again after a
// resync); then `row` carries one row that changed or appeared, and `gone` the id of one that
// left the board's scope. Rows come from the process's BoardFeed, which reads each changed visit
// once for all the boards. Pings, the end on a change of the viewer's user and the stream's
// lifetime are lib/realtime/event-stream.ts's.

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

export function boardStream({
  viewer,
  scope,
  feed = boardFeed(),
  ...options
}: BoardStreamOptions): ReadableStream<Uint8Array> {
  return eventStream({ ...options, viewerId: viewer.id }, (io) => {
    const shown = new Map<string, string>();
    const sendAll = (records: BoardRowRecord[]) => {
      shown.clear();
      const rows = records.map((record) => record.row);
      for (const row of rows) shown.set(row.visitId, JSON.stringify(row));
      io.send(BOARD_EVENTS.rows, rows);
    };
    const apply = (visitId: string, visit: BoardRowRecord | null) => {
      if (visit && isInBoardScope(scope, visit)) {
        if (!shown.has(visitId) && shown.size >= BOARD_ROW_LIMIT) return;
        const { row } = visit;
        const json = JSON.stringify(row);
        if (shown.get(visitId) === json) return;
        shown.set(visitId, json);
        io.send(BOARD_EVENTS.row, row);
      } else if (shown.delete(visitId)) {
        io.send(BOARD_EVENTS.gone, { visitId });
      }
    };
    // Changes heard before the first read is sent are applied after it: each was read after its
    // commit, so none is older than what it replaces for long (its own notification follows).
    let queued: [string, BoardRowRecord | null][] | null = [];
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
          io.close();
        },
      );
    };
    const unsubscribe = feed.subscribe({ onVisit, onResync: readAll });
    readAll();
    return unsubscribe;
  });
}
