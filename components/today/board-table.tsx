import { BoardRowView } from "@/components/today/board-row";
import type { UndoNoShowAction } from "@/components/today/undo-no-show-form";
import { orderBoardRows } from "@/components/today/board-state";
import { JoinMeetingIconDefinition } from "@/components/visits/join-meeting-link";
import { Table, TableBody, TableHead, Th } from "@/components/ui/table";
import { BOARD_ROW_LIMIT, type BoardRow } from "@/lib/today/types";

export type BoardTableProps = {
  rows: BoardRow[];
  now: Date;
  timeZone: string;
  thresholdMinutes: number;
  isReadOnly: boolean;
  undoNoShow: UndoNoShowAction;
};

/** The board's table, in the board's order; an empty day says so. */
export function BoardTable({ rows, now, ...shared }: BoardTableProps) {
  if (rows.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
        No visits on this day.
      </p>
    );
  return (
    <>
      {rows.length >= BOARD_ROW_LIMIT ? (
        <p className="mb-3 text-sm text-slate-700">
          Showing the first {BOARD_ROW_LIMIT} visits of the day: choose one provider to see theirs.
        </p>
      ) : null}
      <JoinMeetingIconDefinition />
      <Table caption="Visits">
        <TableHead>
          <Th>Time</Th>
          <Th>Subject</Th>
          <Th>Provider</Th>
          <Th>State</Th>
          <Th>Provider present</Th>
          <Th>{shared.isReadOnly ? "Attendance" : <span className="sr-only">Actions</span>}</Th>
        </TableHead>
        <TableBody>
          {orderBoardRows(rows, now, shared.timeZone).map((row) => (
            <BoardRowView key={row.visitId} row={row} now={now} {...shared} />
          ))}
        </TableBody>
      </Table>
    </>
  );
}
