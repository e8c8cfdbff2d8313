import { z } from "zod";

import { type DateOrder, parseDateOfBirth } from "@/lib/subjects/date-of-birth";
import {
  buildSubjectFieldsSchema,
  SUBJECT_FIELD_NAMES,
  type SubjectFields,
} from "@/lib/subjects/schemas";

// One CSV row → a subject's fields, through the same schema as Add subject. The clinic's date
// order reads the date of birth; a name that starts like a formula (= + - @) is refused there.

export const IMPORT_FIELDS = SUBJECT_FIELD_NAMES;
export type ImportField = (typeof IMPORT_FIELDS)[number];
const REQUIRED_FIELDS: readonly ImportField[] = [
  "recordNumber",
  "firstName",
  "lastName",
  "dateOfBirth",
];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  recordNumber: "Record number",
  firstName: "First name",
  lastName: "Last name",
  dateOfBirth: "Date of birth",
  email: "Email",
  phone: "Phone",
  preferredLanguage: "Preferred language",
};

/** Our field → the file's column index; required fields must be mapped, two fields never share one column. */
export const importMappingSchema = z
  .partialRecord(z.enum(IMPORT_FIELDS), z.coerce.number().int().min(0).max(999))
  .refine(
    (mapping) => REQUIRED_FIELDS.every((field) => mapping[field] !== undefined),
    "Map the record number, first name, last name and date of birth.",
  )
  .refine((mapping) => {
    const columns = Object.values(mapping);
    return new Set(columns).size === columns.length;
  }, "Map each column to one field at most.");
export type ImportMapping = z.infer<typeof importMappingSchema>;

export type RowResult = { ok: true; fields: SubjectFields } | { ok: false; reasons: string[] };

/** Guesses the mapping from the header row ("First name", "first_name", "DOB", …). */
export function guessImportMapping(header: readonly string[]): Partial<ImportMapping> {
  const words: Record<ImportField, RegExp> = {
    recordNumber: /^(record(number|no)?|mrn|rfc|id|patientid)$/,
    firstName: /^(first(name)?|givenname|given)$/,
    lastName: /^(last(name)?|surname|familyname|family)$/,
    dateOfBirth: /^(dateofbirth|dob|birthdate|birthday|born)$/,
    email: /^(e?mail(address)?)$/,
    phone: /^(phone(number)?|mobile|telephone|tel)$/,
    preferredLanguage: /^(preferredlanguage|language|lang)$/,
  };
  const mapping: Partial<ImportMapping> = {};
  header.forEach((name, index) => {
    const key = name.toLowerCase().replace(/[^a-z]/g, "");
    const field = IMPORT_FIELDS.find((f) => words[f].test(key) && mapping[f] === undefined);
    if (field) mapping[field] = index;
  });
  return mapping;
}

/**
 * Validates one data row against the mapping; reasons are the form's messages, field by field.
 * Pass `schema` (built once) when reading many rows: building it costs more than using it.
 */
export function buildRowFields(
  cells: readonly string[],
  mapping: ImportMapping,
  dateOrder: DateOrder,
  today: Date = new Date(),
  schema: ReturnType<typeof buildSubjectFieldsSchema> = buildSubjectFieldsSchema(today),
): RowResult {
  const raw: Partial<Record<ImportField, string>> = {};
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column !== undefined) raw[field] = cells[column] ?? "";
  }
  const typedDate = raw.dateOfBirth?.trim() ?? "";
  const dateOfBirth = typedDate ? (parseDateOfBirth(typedDate, dateOrder, today) ?? "bad") : "";
  if (dateOfBirth === "bad") raw.dateOfBirth = undefined;
  const language = raw.preferredLanguage?.trim().toLowerCase();
  const parsed = schema.safeParse({
    ...raw,
    dateOfBirth: dateOfBirth === "bad" ? "not a date" : dateOfBirth || undefined,
    preferredLanguage: language === "english" ? "en" : language === "spanish" ? "es" : language,
  });
  if (parsed.success) return { ok: true, fields: parsed.data };
  const reasons = parsed.error.issues.map((issue) => {
    const field = issue.path[0] as ImportField;
    return `${IMPORT_FIELD_LABELS[field] ?? "Row"}: ${issue.message}`;
  });
  return { ok: false, reasons: [...new Set(reasons)] };
}
