import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { escapeCsvCell, toCsvRow } from "@/lib/reports/csv";
import { parseCsv } from "@/tests/support/parse-csv";

describe("escapeCsvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["=1+1", "'=1+1"],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=cmd", "'\t=cmd"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ["a=b", "a=b"],
    ["", ""],
  ])("writes %j as %j", (cell, expected) => {
    expect(escapeCsvCell(cell)).toBe(expected);
  });

  it("writes numbers as they are (a negative number is not a formula) and null as empty", () => {
    expect(escapeCsvCell(-3)).toBe("-3");
    expect(escapeCsvCell(12.5)).toBe("12.5");
    expect(escapeCsvCell(null)).toBe("");
    expect(escapeCsvCell(undefined)).toBe("");
  });
});

describe("toCsvRow", () => {
  it("ends each record with CRLF", () => {
    expect(toCsvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });

  it("reads back as written, apart from the quote that defuses a formula", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "=", "+", "-", "@", ",", '"', "\n", "\r", " ", "é"),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const text = rows.map((row) => toCsvRow(row)).join("");
          const expected = rows.map((row) =>
            row.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)),
          );
          expect(parseCsv(text)).toEqual(expected);
        },
      ),
    );
  });
});
