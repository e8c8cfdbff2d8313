import { ArrowDown, ArrowUp } from "lucide-react";

import { IntentLink } from "@/components/ui/intent-link";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { formatDateOfBirth } from "@/lib/format";
import type { SubjectSort } from "@/lib/subjects/schemas";
import type { SubjectListItem } from "@/lib/subjects/types";

type SortableColumn = Exclude<SubjectSort, "relevance">;

export type SubjectTableSorting = {
  sort: SubjectSort;
  dir: "asc" | "desc";
  /** Sorts by a column (toggling the direction when it is the current one). */
  onSort: (column: SortableColumn) => void;
};

function SortableHeader({
  column,
  label,
  sorting,
}: {
  column: SortableColumn;
  label: string;
  sorting: SubjectTableSorting;
}) {
  const isCurrent = sorting.sort === column;
  const Arrow = sorting.dir === "desc" ? ArrowDown : ArrowUp;
  return (
    <Th aria-sort={isCurrent ? (sorting.dir === "desc" ? "descending" : "ascending") : undefined}>
      <button
        type="button"
        onClick={() => sorting.onSort(column)}
        className="inline-flex items-center gap-1 font-semibold underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        {label}
        {isCurrent ? <Arrow aria-hidden className="size-4" /> : null}
        <span className="sr-only">{isCurrent ? ", sorted" : ", sort by this column"}</span>
      </button>
    </Th>
  );
}

export function SubjectTable({
  subjects,
  sorting,
}: {
  subjects: SubjectListItem[];
  sorting: SubjectTableSorting;
}) {
  return (
    <Table caption="Subjects">
      <TableHead>
        <SortableHeader column="record" label="Record number" sorting={sorting} />
        <SortableHeader column="name" label="Name" sorting={sorting} />
        <SortableHeader column="dob" label="Date of birth" sorting={sorting} />
        <Th>Email</Th>
        <Th>Phone</Th>
      </TableHead>
      <TableBody>
        {subjects.map((subject) => (
          <tr key={subject.id} className="hover:bg-slate-50">
            <Td>
              <IntentLink
                href={`/subjects/${subject.id}`}
                className="font-semibold text-blue-700 underline"
              >
                {subject.recordNumber}
              </IntentLink>
            </Td>
            <Td>
              {subject.lastName}, {subject.firstName}
            </Td>
            <Td className="whitespace-nowrap">{formatDateOfBirth(subject.dateOfBirth)}</Td>
            <Td>{subject.email ?? "—"}</Td>
            <Td className="whitespace-nowrap">{subject.phone ?? "—"}</Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
