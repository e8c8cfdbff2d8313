import { describe, expect, it } from "vitest";

import { detectSeparator, looksBinary } from "@/lib/subjects/import/csv-format";
import {
  buildRowFields,
  guessImportMapping,
  importMappingSchema,
} from "@/lib/subjects/import/import-fields";

const TODAY = new Date("2026-12-07T12:00:00Z");
const mapping = { recordNumber: 0, firstName: 1, lastName: 2, dateOfBirth: 3, email: 4 };

describe("import fields", () => {
  it("guesses a mapping from usual header names and checks it", () => {
    expect(guessImportMapping(["MRN", "First Name", "last_name", "DOB", "E-mail", "x"])).toEqual(
      mapping,
    );
    expect(importMappingSchema.safeParse({ recordNumber: 0 }).success).toBe(false);
    expect(importMappingSchema.safeParse({ ...mapping, email: 0 }).success).toBe(false);
  });

  it("reads a row in the clinic's date order", () => {
    const cells = ["rfc-1", "Ana", "Lopez", "05/06/1984", ""];
    expect(buildRowFields(cells, mapping, "MDY", TODAY)).toMatchObject({
      ok: true,
      fields: { recordNumber: "RFC-1", dateOfBirth: "1984-05-06", email: null },
    });
    expect(buildRowFields(cells, mapping, "DMY", TODAY)).toMatchObject({
      fields: { dateOfBirth: "1984-06-05" },
    });
  });

  it("gives a reason per bad field: bad date, missing name, formula", () => {
    const result = buildRowFields(
      ["R1", "", "=HYPERLINK(1)", "31/31/1984", "x"],
      mapping,
      "MDY",
      TODAY,
    );
    expect(result.ok).toBe(false);
    const reasons = result.ok ? "" : result.reasons.join("\n");
    expect(reasons).toMatch(/First name: Enter/);
    expect(reasons).toMatch(/Last name: .*must not start/);
    expect(reasons).toMatch(/Date of birth/);
    expect(reasons).toMatch(/Email/);
  });

  it("detects the separator outside quotes, and binary data", () => {
    expect(detectSeparator('a;b;"c,d,e"\n1,2,3,4')).toBe(";");
    expect(detectSeparator("a,b\r\nc;d;e")).toBe(",");
    expect(looksBinary(new Uint8Array([65, 0]))).toBe(true);
  });
});
