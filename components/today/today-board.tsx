"use client";

import { BoardTable } from "@/components/today/board-table";
import type { UndoNoShowAction } from "@/components/today/undo-no-show-form";
import { type BoardConnection, useBoardStream } from "@/components/today/use-board-stream";
import { useNow } from "@/components/today/use-now";
import type { BoardRow } from "@/lib/today/types";

export type TodayBoardProps = {
  initialRows: BoardRow[];
  /** The stream's query (`date=…&who=…`), or null for a past day (read-only). */
  streamQuery: string | null;
  timeZone: string;
  thresholdMinutes: number;
  undoNoShow: UndoNoShowAction;
};

const CONNECTION_TEXT: Record<BoardConnection, string> = {
  off: "Past day: attendance as recorded.",
  connecting: "Connecting to live updates…",
  live: "Live: changes appear without reloading.",
  reconnecting: "Reconnecting to live updates…",
};

/** The Today board: its rows kept live by one stream, with waits counted as time passes. */
export function TodayBoard({
  initialRows,
  streamQuery,
  timeZone,
  thresholdMinutes,
  undoNoShow,
}: TodayBoardProps) {
  const now = useNow();
  const { rows, connection } = useBoardStream(initialRows, streamQuery);
  return (
    <>
      <p role="status" aria-live="polite" className="mb-3 text-sm text-slate-700">
        {CONNECTION_TEXT[connection]}
      </p>
      <BoardTable
        rows={rows}
        now={now}
        timeZone={timeZone}
        thresholdMinutes={thresholdMinutes}
        isReadOnly={streamQuery === null}
        undoNoShow={undoNoShow}
      />
    </>
  );
}
