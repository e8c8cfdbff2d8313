"use client";

import { BoardTable } from "@/components/today/board-table";
import { useNow } from "@/components/today/use-now";
import type { BoardRow } from "@/lib/today/types";

export type TodayBoardProps = {
  initialRows: BoardRow[];
  timeZone: string;
  thresholdMinutes: number;
  isReadOnly: boolean;
};

/** The Today board: its rows, with waits counted in minutes as time passes. */
export function TodayBoard({
  initialRows,
  timeZone,
  thresholdMinutes,
  isReadOnly,
}: TodayBoardProps) {
  const now = useNow();
  return (
    <BoardTable
      rows={initialRows}
      now={now}
      timeZone={timeZone}
      thresholdMinutes={thresholdMinutes}
      isReadOnly={isReadOnly}
    />
  );
}
