// CSV per RFC 4180, made safe to open in a spreadsheet: a cell that a spreadsheet would read as a
// formula (starting with = + - @, or a tab or carriage return before one) is prefixed with a single
// quote (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvCell = string | number | null | undefined;

export function escapeCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  let text = String(cell);
  if (typeof cell === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ending in CRLF as RFC 4180 says. */
export function toCsvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(escapeCsvCell).join(",")}\r\n`;
}
