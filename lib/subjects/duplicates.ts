import type { Tx } from "@/lib/db/db";
import { SUBJECT_FIELDS_SELECT } from "@/lib/subjects/subject-data";

// A probable duplicate: in the same clinic, a subject with the same first and last name (letter
// case aside) and the same date of birth, or the same email. The form then asks before adding.

export type DuplicateReason = "name_and_dob" | "email";
export type ProbableDuplicate = { id: string; recordNumber: string; reason: DuplicateReason };

type Comparable = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string | null;
};

const same = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "accent" }) === 0;

/** Why `existing` is probably the subject being added, or null. */
export function duplicateReason(
  candidate: Comparable,
  existing: Comparable,
): DuplicateReason | null {
  if (
    same(candidate.firstName, existing.firstName) &&
    same(candidate.lastName, existing.lastName) &&
    candidate.dateOfBirth === existing.dateOfBirth
  )
    return "name_and_dob";
  if (candidate.email && candidate.email === existing.email) return "email";
  return null;
}

/** The clinic's first probable duplicate of `fields`, other than `exceptId` (the subject edited). */
export async function findProbableDuplicate(
  tx: Tx,
  organizationId: string,
  fields: Comparable,
  exceptId?: string,
): Promise<ProbableDuplicate | null> {
  const rows = await tx.subject.findMany({
    where: {
      organizationId,
      ...(exceptId ? { id: { not: exceptId } } : {}),
      OR: [
        {
          firstName: { equals: fields.firstName, mode: "insensitive" },
          lastName: { equals: fields.lastName, mode: "insensitive" },
          dateOfBirth: new Date(`${fields.dateOfBirth}T00:00:00Z`),
        },
        ...(fields.email ? [{ email: fields.email }] : []),
      ],
    },
    select: { id: true, ...SUBJECT_FIELDS_SELECT },
    orderBy: { recordNumber: "asc" },
    take: 5,
  });
  for (const row of rows) {
    const existing = { ...row, dateOfBirth: row.dateOfBirth.toISOString().slice(0, 10) };
    const reason = duplicateReason(fields, existing);
    if (reason) return { id: row.id, recordNumber: row.recordNumber, reason };
  }
  return null;
}
