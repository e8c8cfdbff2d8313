// Dates of birth as people type them (search box, Add subject, CSV imports): 1984-05-17,
// 05/17/84, 17.05.1984, May 17 1984, 17 May 1984. The clinic's date order decides a numeric date
// whose day and month could be swapped (05/06/1984); one that cannot be read either way is null.
// No zod here: the search box ships to the browser.

export const DATE_ORDERS = ["MDY", "DMY"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const EARLIEST_BIRTH_YEAR = 1900;

const MONTHS: Partial<Record<string, number>> = {};
[
  ["january", "jan", "enero", "ene"],
  ["february", "feb", "febrero"],
  ["march", "mar", "marzo"],
  ["april", "apr", "abril", "abr"],
  ["may", "mayo"],
  ["june", "jun", "junio"],
  ["july", "jul", "julio"],
  ["august", "aug", "agosto", "ago"],
  ["september", "sep", "sept", "septiembre", "setiembre", "set"],
  ["october", "oct", "octubre"],
  ["november", "nov", "noviembre"],
  ["december", "dec", "diciembre", "dic"],
].forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

/** yyyy-mm-dd if it is a real calendar date from 1900 to 2100, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < EARLIEST_BIRTH_YEAR || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return date.toISOString().slice(0, 10);
}

/** A two-digit year is in the past century unless that would be in the future: 84 → 1984, 05 → 2005. */
function fullYear(text: string, today: Date): number {
  const year = Number(text);
  if (text.length === 4) return year;
  const thisYear = today.getUTCFullYear();
  const inThisCentury = Math.floor(thisYear / 100) * 100 + year;
  return inThisCentury > thisYear ? inThisCentury - 100 : inThisCentury;
}

function numericDate(first: number, second: number, year: number, order: DateOrder): string | null {
  const [month, day] = order === "MDY" ? [first, second] : [second, first];
  return isoDate(year, month, day) ?? isoDate(year, day, month);
}

export function parseDateOfBirth(
  input: string,
  order: DateOrder = "MDY",
  today: Date = new Date(),
): string | null {
  const text = input.trim().toLowerCase().replace(/,/g, " ").replace(/\s+/g, " ");
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (numeric)
    return numericDate(
      Number(numeric[1]),
      Number(numeric[2]),
      fullYear(numeric[3] ?? "", today),
      order,
    );
  const monthFirst = /^(\p{L}+)\.? (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/u.exec(text);
  const monthFirstMonth = MONTHS[monthFirst?.[1] ?? ""];
  if (monthFirst && monthFirstMonth)
    return isoDate(Number(monthFirst[3]), monthFirstMonth, Number(monthFirst[2]));
  const dayFirst = /^(\d{1,2}) (?:de )?(\p{L}+)\.? (?:de )?(\d{4})$/u.exec(text);
  const dayFirstMonth = MONTHS[dayFirst?.[2] ?? ""];
  if (dayFirst && dayFirstMonth)
    return isoDate(Number(dayFirst[3]), dayFirstMonth, Number(dayFirst[1]));
  return null;
}
