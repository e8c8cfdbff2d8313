import { z } from "zod";

import { controlCharacterMessage, hasNoControlCharacters } from "@/lib/plain-text";
import { SUBJECT_SEARCH_MAX_LENGTH, SUBJECTS_MAX_PAGE } from "@/lib/subjects/constants";
import { EARLIEST_BIRTH_YEAR, isoDate } from "@/lib/subjects/date-of-birth";

export const SUBJECT_SORTS = ["relevance", "name", "record", "dob"] as const;
export type SubjectSort = (typeof SUBJECT_SORTS)[number];

/** The subject search's URL (`?q=&page=&sort=&dir=&portal=&upcoming=`). Anything unusable falls back to a default, never an error. */
export const subjectSearchParamsSchema = z.object({
  q: z
    .string()
    .catch("")
    .default("")
    .transform((q) => q.trim().slice(0, SUBJECT_SEARCH_MAX_LENGTH)),
  page: z.coerce.number().int().min(1).max(SUBJECTS_MAX_PAGE).catch(1).default(1),
  sort: z.enum(SUBJECT_SORTS).catch("relevance").default("relevance"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  portal: z.enum(["any", "with", "without"]).catch("any").default("any"),
  upcoming: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((value) => value === "1"),
});
export type SubjectSearchParams = z.infer<typeof subjectSearchParamsSchema>;

export const subjectParamsSchema = z.object({ subjectId: z.uuid() });

/** `GET /api/subjects`: the same search, but a bad parameter is an error instead of a default. */
export const subjectSearchApiQuerySchema = z
  .object({
    q: z.string().max(SUBJECT_SEARCH_MAX_LENGTH).default(""),
    page: z.coerce.number().int().min(1).max(SUBJECTS_MAX_PAGE).default(1),
    sort: z.enum(SUBJECT_SORTS).default("relevance"),
    dir: z.enum(["asc", "desc"]).default("asc"),
    portal: z.enum(["any", "with", "without"]).default("any"),
    upcoming: z.enum(["0", "1"]).default("0"),
  })
  .strict()
  .transform(({ upcoming, q, ...rest }) => ({
    ...rest,
    q: q.trim(),
    upcoming: upcoming === "1",
  }));

export const SUBJECT_LANGUAGES = ["en", "es"] as const;
export type SubjectLanguage = (typeof SUBJECT_LANGUAGES)[number];
export const SUBJECT_LANGUAGE_NAMES: Record<SubjectLanguage, string> = {
  en: "English",
  es: "Spanish (Español)",
};

export const RECORD_NUMBER_MAX_LENGTH = 32;
const MIN_PHONE_DIGITS = 7;

function nameField(what: string) {
  return z
    .string(`Enter ${what.toLowerCase()}.`)
    .trim()
    .min(1, `Enter ${what.toLowerCase()}.`)
    .max(100, `${what} is too long (100 characters at most).`)
    .refine(hasNoControlCharacters, controlCharacterMessage(what))
    .refine((value) => !/^[=+\-@\t\r]/.test(value), `${what} must not start with = + - or @.`);
}

/** An empty text field is no value. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );
}

/**
 * A subject's fields, as the Add/Edit subject form and each CSV row give them (strings). The date
 * of birth is read in the clinic's date order by the caller and arrives as yyyy-mm-dd.
 */
export function buildSubjectFieldsSchema(today: Date = new Date()) {
  return subjectFieldsObject(today).transform(withPhoneDigits);
}

function subjectFieldsObject(today: Date) {
  const todayIso = today.toISOString().slice(0, 10);
  return z.object({
    recordNumber: z
      .string("Enter a record number.")
      .trim()
      .toUpperCase()
      .min(1, "Enter a record number.")
      .max(
        RECORD_NUMBER_MAX_LENGTH,
        `The record number is too long (${RECORD_NUMBER_MAX_LENGTH} characters at most).`,
      )
      .regex(
        /^[A-Z0-9][A-Z0-9._/-]*$/,
        "A record number has letters, digits, and . _ / - only, starting with a letter or digit.",
      ),
    firstName: nameField("The first name"),
    lastName: nameField("The last name"),
    dateOfBirth: z
      .string("Enter the date of birth.")
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date of birth as a date (for example 05/17/1984).")
      .refine((value) => isoDate(...isoParts(value)) !== null, "That date does not exist.")
      .refine(
        (value) => value >= `${EARLIEST_BIRTH_YEAR}-01-01`,
        "The date of birth is before 1900.",
      )
      .refine((value) => value <= todayIso, "The date of birth is in the future."),
    email: optional(
      z
        .string()
        .trim()
        .toLowerCase()
        .max(254, "That email address is too long.")
        .pipe(z.email("Enter a valid email address, or leave it empty.")),
    ),
    phone: optional(
      z
        .string()
        .trim()
        .max(32, "That phone number is too long.")
        .regex(/^[\d\s().+\-/x#*]+$/i, "A phone number has digits, spaces and ( ) + - only.")
        .refine(
          (value) => value.replace(/\D/g, "").length >= MIN_PHONE_DIGITS,
          `A phone number has at least ${MIN_PHONE_DIGITS} digits.`,
        ),
    ),
    preferredLanguage: optional(z.enum(SUBJECT_LANGUAGES, "Choose English or Spanish.")).transform(
      (value) => value ?? "en",
    ),
  });
}

type WithPhoneDigits<T> = Omit<T, "email" | "phone"> & {
  email: string | null;
  phone: string | null;
  phoneDigits: string | null;
};

function withPhoneDigits<T extends { email?: string; phone?: string }>(
  fields: T,
): WithPhoneDigits<T> {
  return {
    ...fields,
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    phoneDigits: fields.phone ? phoneDigits(fields.phone) : null,
  };
}
export type SubjectFields = z.output<ReturnType<typeof buildSubjectFieldsSchema>>;

/** A checkbox: "on" when ticked; absent (or anything else) when not. */
const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === "on");

/**
 * The Add/Edit subject form: the subject's fields, but the record number may be left for "Assign
 * the next number", and "Add anyway" answers the probable-duplicate question.
 */
export function buildSubjectFormSchema(today: Date = new Date()) {
  const object = subjectFieldsObject(today);
  return object
    .extend({
      recordNumber: optional(object.shape.recordNumber),
      assignNextNumber: checkbox,
      addAnyway: checkbox,
    })
    .refine((form) => form.assignNextNumber || form.recordNumber !== undefined, {
      path: ["recordNumber"],
      message: "Enter a record number, or choose Assign the next number.",
    })
    .transform(({ assignNextNumber, addAnyway, ...fields }) => ({
      fields: withPhoneDigits({
        ...fields,
        recordNumber: assignNextNumber ? null : (fields.recordNumber ?? null),
      }),
      addAnyway,
    }));
}
export type SubjectForm = z.output<ReturnType<typeof buildSubjectFormSchema>>;
/** The fields a create or edit may change (the audit names these, never their values). */
export const SUBJECT_FIELD_NAMES = [
  "recordNumber",
  "firstName",
  "lastName",
  "dateOfBirth",
  "email",
  "phone",
  "preferredLanguage",
] as const satisfies readonly (keyof SubjectFields)[];

function isoParts(value: string): [number, number, number] {
  const [year = 0, month = 0, day = 0] = value.split("-").map(Number);
  return [year, month, day];
}

/** Digits only, without a leading US country code: what the search's phone reading matches. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
}

/** The opt-out page's form (app/reminders/stop): the link's token and what the patient chose. */
export const reminderOptOutFormSchema = z.object({
  token: z.string().max(200),
  choice: z.enum(["stop", "resume"]),
});
export type ReminderOptOutForm = z.infer<typeof reminderOptOutFormSchema>;
