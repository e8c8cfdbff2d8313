"use client";

import { AlertsSwitch } from "@/components/today/alerts-switch";
import { BoardTable } from "@/components/today/board-table";
import type { UndoNoShowAction } from "@/components/today/undo-no-show-form";
import { type BoardConnection, useBoardStream } from "@/components/today/use-board-stream";
import { useBoardAlerts } from "@/components/today/use-board-alerts";
import { useNow } from "@/components/today/use-now";
import type { BoardRow } from "@/lib/today/types";

export type TodayBoardProps = {
  initialRows: BoardRow[];
  /** The stream's query (`date=…&who=…`), or null for a past day (read-only). */
  streamQuery: string | null;
  timeZone: string;
  thresholdMinutes: number;
  viewerId: string;
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
  viewerId,
  undoNoShow,
}: TodayBoardProps) {
  const now = useNow();
  const { rows, connection } = useBoardStream(initialRows, streamQuery);
  const isReadOnly = streamQuery === null;
  const alerts = useBoardAlerts({
    rows: isReadOnly ? [] : rows,
    now,
    viewerId,
    thresholdMinutes,
  });
  return (
    <>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {CONNECTION_TEXT[connection]}
        </p>
        {isReadOnly ? null : (
          <AlertsSwitch isOn={alerts.isOn} onToggle={() => void alerts.toggle()} />
        )}
      </div>
      <BoardTable
        rows={rows}
        now={now}
        timeZone={timeZone}
        thresholdMinutes={thresholdMinutes}
        isReadOnly={isReadOnly}
        undoNoShow={undoNoShow}
      />
    </>
  );
}
