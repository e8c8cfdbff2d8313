import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import type { NoShowsByProvider } from "@/lib/reports/types";

import { formatPercent } from "./report-format";

/** The no-show chart's numbers, one row per provider with visits in the range. */
export function NoShowTable({ providers }: { providers: NoShowsByProvider[] }) {
  if (providers.length === 0)
    return <p className="text-sm text-slate-600">No visits in this range.</p>;
  return (
    <Table caption="No-shows per provider">
      <TableHead>
        <Th>Provider</Th>
        <Th className="text-right">Visits due</Th>
        <Th className="text-right">No-shows</Th>
        <Th className="text-right">No-show rate</Th>
      </TableHead>
      <TableBody>
        {providers.map((row) => (
          <tr key={row.providerId}>
            <Td>{row.providerName}</Td>
            <Td className="text-right">{row.dueVisits}</Td>
            <Td className="text-right">{row.noShows}</Td>
            <Td className="text-right">{formatPercent(row.noShows, row.dueVisits)}</Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
