import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { SubjectFields } from "@/lib/subjects/schemas";

/** A subject's fields as the database stores them (the date of birth as a date). */
export function subjectData(fields: SubjectFields) {
  return { ...fields, dateOfBirth: new Date(`${fields.dateOfBirth}T00:00:00Z`) };
}

/** The columns of a subject's fields (SUBJECT_FIELD_NAMES), for reading them back. */
export const SUBJECT_FIELDS_SELECT = {
  recordNumber: true,
  firstName: true,
  lastName: true,
  dateOfBirth: true,
  email: true,
  phone: true,
  preferredLanguage: true,
} as const;

const TAKEN = "Another subject of this clinic has this record number.";

/** A unique-constraint failure on the record number becomes that field's message; else rethrown. */
export function rethrowTakenRecordNumber(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    throw new AppError("bad_request", TAKEN, { fields: { recordNumber: [TAKEN] } });
  throw error;
}
