import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import type { WaitByDay } from "@/lib/reports/types";

import { formatMinutes, formatShortDate } from "./report-format";

/** The wait chart's numbers, for reading and for screen readers; days without waits are left out. */
export function WaitByDayTable({ days }: { days: WaitByDay[] }) {
  const rows = days.filter((day) => day.waitedVisits > 0);
  if (rows.length === 0) return <p className="text-sm text-slate-600">No waits in this range.</p>;
  return (
    <Table caption="Median wait for the provider per day">
      <TableHead>
        <Th>Day</Th>
        <Th className="text-right">Visits with a wait</Th>
        <Th className="text-right">Median wait</Th>
      </TableHead>
      <TableBody>
        {rows.map((day) => (
          <tr key={day.date}>
            <Td>
              <time dateTime={day.date}>{formatShortDate(day.date)}</time>
            </Td>
            <Td className="text-right">{day.waitedVisits}</Td>
            <Td className="text-right">{formatMinutes(day.medianWaitMinutes)}</Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
