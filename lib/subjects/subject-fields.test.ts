import { describe, expect, it } from "vitest";

import { buildSubjectFieldsSchema } from "@/lib/subjects/schemas";

const schema = buildSubjectFieldsSchema(new Date("2026-12-07T12:00:00Z"));
const valid = {
  recordNumber: " rfc-100 ",
  firstName: " Maria ",
  lastName: "López",
  dateOfBirth: "1984-05-17",
  email: " Maria@Example.COM ",
  phone: "+1 (555) 010-4477",
  preferredLanguage: "es",
};

function messages(input: Record<string, string>): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues)
    (byField[String(issue.path[0])] ??= []).push(issue.message);
  return byField;
}

describe("buildSubjectFieldsSchema", () => {
  it("normalizes a valid subject and derives the phone digits", () => {
    expect(schema.parse(valid)).toEqual({
      recordNumber: "RFC-100",
      firstName: "Maria",
      lastName: "López",
      dateOfBirth: "1984-05-17",
      email: "maria@example.com",
      phone: "+1 (555) 010-4477",
      phoneDigits: "5550104477",
      preferredLanguage: "es",
    });
  });

  it("treats empty optional fields as none and defaults the language to English", () => {
    expect(schema.parse({ ...valid, email: "", phone: " ", preferredLanguage: "" })).toMatchObject({
      email: null,
      phone: null,
      phoneDigits: null,
      preferredLanguage: "en",
    });
  });

  it.each([
    ["firstName", "Ma\u202Eria", "control character"],
    ["lastName", '=HYPERLINK("x")', "must not start with"],
    ["lastName", "", "Enter the last name"],
    ["dateOfBirth", "2027-01-01", "in the future"],
    ["dateOfBirth", "1899-12-31", "before 1900"],
    ["dateOfBirth", "1990-02-30", "does not exist"],
    ["email", "not-an-email", "valid email"],
    ["phone", "555-CALL", "digits"],
    ["recordNumber", "RFC 1", "letters, digits"],
    ["preferredLanguage", "fr", "English or Spanish"],
  ])("refuses %s = %j with a message on that field", (field, value, message) => {
    expect(messages({ ...valid, [field]: value })[field]?.join(" ")).toContain(message);
  });
});
