import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

type ImportPreviewTableProps = {
  header: string[];
  preview: { cells: string[]; errors: string[] }[];
};

/** The file's first rows as they are, each with what would refuse it. */
export function ImportPreviewTable({ header, preview }: ImportPreviewTableProps) {
  return (
    <Table caption="Preview of the first rows">
      <TableHead>
        <Th>Row</Th>
        {header.map((name, index) => (
          <Th key={index}>{name || `Column ${index + 1}`}</Th>
        ))}
        <Th>Errors</Th>
      </TableHead>
      <TableBody>
        {preview.map((row, index) => (
          <tr key={index}>
            <Td>{index + 2}</Td>
            {header.map((_, column) => (
              <Td key={column}>{row.cells[column] ?? ""}</Td>
            ))}
            <Td className={row.errors.length ? "text-red-800" : "text-green-800"}>
              {row.errors.length ? row.errors.join(" ") : "OK"}
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
