import { describe, expect, it } from "vitest";

import { duplicateReason } from "@/lib/subjects/duplicates";
import { buildSubjectFormSchema } from "@/lib/subjects/schemas";

const ada = { firstName: "Ada", lastName: "Lovelace", dateOfBirth: "1984-05-17", email: null };

describe("duplicateReason", () => {
  it("is the same name (letter case aside) and date of birth", () => {
    expect(duplicateReason(ada, { ...ada, firstName: "ADA", lastName: "lovelace" })).toBe(
      "name_and_dob",
    );
  });

  it("is the same email", () => {
    const email = "ada@example.test";
    expect(duplicateReason({ ...ada, email }, { ...ada, firstName: "Augusta", email })).toBe(
      "email",
    );
  });

  it("is not a shared name with another date of birth, nor two empty emails", () => {
    expect(duplicateReason(ada, { ...ada, dateOfBirth: "1985-05-17" })).toBeNull();
    expect(duplicateReason(ada, { ...ada, firstName: "Eve" })).toBeNull();
    expect(duplicateReason(ada, { ...ada, firstName: "Adá" })).toBeNull();
  });
});

describe("buildSubjectFormSchema", () => {
  const base = { firstName: "Ada", lastName: "Lovelace", dateOfBirth: "1984-05-17" };

  it("needs a record number unless the next one is assigned", () => {
    const parsed = buildSubjectFormSchema().safeParse(base);
    expect(parsed.success ? null : parsed.error.issues.map((issue) => issue.message)).toEqual([
      "Enter a record number, or choose Assign the next number.",
    ]);
    expect(buildSubjectFormSchema().parse({ ...base, assignNextNumber: "on" })).toMatchObject({
      fields: { recordNumber: null, phoneDigits: null },
      addAnyway: false,
    });
  });

  it("keeps a typed record number and reads Add anyway", () => {
    const form = buildSubjectFormSchema().parse({
      ...base,
      recordNumber: " mrn-7 ",
      addAnyway: "on",
    });
    expect(form).toMatchObject({ fields: { recordNumber: "MRN-7" }, addAnyway: true });
  });
});
