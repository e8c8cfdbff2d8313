import { describe, expect, it } from "vitest";

import { importMappingFormSchema } from "@/lib/subjects/import/schemas";

const importId = "0190a6b2-7c3e-7000-8000-000000000001";

describe("importMappingFormSchema", () => {
  it("gathers the selects into a mapping, skipping fields not in the file", () => {
    const form = {
      importId,
      intent: "run",
      recordNumber: "0",
      firstName: "1",
      lastName: "2",
      dateOfBirth: "3",
      email: "",
    };
    expect(importMappingFormSchema.parse(form)).toEqual({
      importId,
      intent: "run",
      mapping: { recordNumber: 0, firstName: 1, lastName: 2, dateOfBirth: 3 },
    });
  });

  it("refuses a mapping without the required fields", () => {
    const result = importMappingFormSchema.safeParse({
      importId,
      intent: "run",
      recordNumber: "0",
    });
    expect(result.error?.issues[0]?.message).toMatch(/Map the record number/);
  });
});
