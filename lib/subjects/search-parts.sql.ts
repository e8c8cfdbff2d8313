import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { DateOrder } from "@/lib/subjects/date-of-birth";
import { escapeLike, parseSearchTerms, type SearchTerms } from "@/lib/subjects/search-terms";

// The readings of a search query. Every reading (record number, its digits, date of birth, email,
// phone, surname, first name, "first last") is a "part": an index range scan in the order of the
// same index, cut by search-subjects.sql.ts at the rows the page needs. Parts come in relevance
// order. See the subject_search and subject_record_digits migrations for the indexes.

export const LAST = Prisma.sql`lower(s."lastName") COLLATE "C"`;
export const FIRST = Prisma.sql`lower(s."firstName") COLLATE "C"`;
export const RECORD = Prisma.sql`s."recordNumber" COLLATE "C"`;
const EMAIL = Prisma.sql`s."email" COLLATE "C"`;
const PHONE = Prisma.sql`s."phoneDigits" COLLATE "C"`;
/** A record number's digits without leading zeros: the subject_record_digits migration's index. */
const RECORD_DIGITS = Prisma.sql`ltrim(regexp_replace(s."recordNumber", '[^0-9]', '', 'g'), '0') COLLATE "C"`;
export const BY_NAME = [LAST, FIRST, RECORD];

export type Part = { where: Prisma.Sql; order: Prisma.Sql[] };

const prefix = (value: string) => `${escapeLike(value)}%`;

/** "maria lopez", "lopez maria", "maria de la cruz": the first or last word is the first name. */
function fullNameParts(words: string[]): Part[] {
  const first = words[0] ?? "";
  const last = words[words.length - 1] ?? "";
  return [
    {
      where: Prisma.sql`${FIRST} LIKE ${prefix(first)} AND ${LAST} LIKE ${prefix(words.slice(1).join(" "))}`,
      order: BY_NAME,
    },
    {
      where: Prisma.sql`${FIRST} LIKE ${prefix(last)} AND ${LAST} LIKE ${prefix(words.slice(0, -1).join(" "))}`,
      order: BY_NAME,
    },
  ];
}

/** 05/06/1984 is in May or in June by the clinic's date order, read by the statement itself. */
function dateOfBirthWhere(
  { MDY, DMY }: Record<DateOrder, string>,
  organizationId: string,
): Prisma.Sql {
  if (MDY === DMY) return Prisma.sql`s."dateOfBirth" = ${MDY}::date`;
  return Prisma.sql`s."dateOfBirth" = (SELECT CASE WHEN o."dateOrder" = 'DMY' THEN ${DMY}::date ELSE ${MDY}::date END FROM "Organization" o WHERE o."id" = ${organizationId}::uuid)`;
}

function partsFor(terms: SearchTerms, organizationId: string): Part[] {
  const parts: Part[] = [];
  if (terms.recordNumber) {
    parts.push({ where: Prisma.sql`${RECORD} = ${terms.recordNumber}`, order: [RECORD] });
    parts.push({
      where: Prisma.sql`${RECORD} LIKE ${prefix(terms.recordNumber)}`,
      order: [RECORD],
    });
  }
  if (terms.recordDigits) {
    const letters = terms.recordLetters
      ? Prisma.sql` AND ${RECORD} LIKE ${prefix(terms.recordLetters)}`
      : Prisma.empty;
    parts.push({
      where: Prisma.sql`${RECORD_DIGITS} = ${terms.recordDigits}${letters}`,
      order: [RECORD_DIGITS, RECORD],
    });
  }
  if (terms.datesOfBirth)
    parts.push({
      where: dateOfBirthWhere(terms.datesOfBirth, organizationId),
      order: BY_NAME,
    });
  if (terms.emailPrefix)
    parts.push({
      where: Prisma.sql`${EMAIL} LIKE ${prefix(terms.emailPrefix)}`,
      order: [EMAIL, RECORD],
    });
  if (terms.phoneDigits)
    parts.push({
      where: Prisma.sql`${PHONE} LIKE ${prefix(terms.phoneDigits)}`,
      order: [PHONE, RECORD],
    });
  const words = (terms.name ?? terms.lastNamePrefix ?? "").split(" ").filter(Boolean);
  if (words.length === 1) {
    parts.push({ where: Prisma.sql`${LAST} LIKE ${prefix(words[0] ?? "")}`, order: BY_NAME });
    parts.push({
      where: Prisma.sql`${FIRST} LIKE ${prefix(words[0] ?? "")}`,
      order: [FIRST, LAST, RECORD],
    });
  } else if (words.length > 1) {
    parts.push(...fullNameParts(words.slice(0, 6)));
  }
  return parts;
}

/** What the search will run for a query: its parts (empty when nothing in it can match). */
export function searchPartsFor(q: string, organizationId: string): Part[] {
  return q
    ? partsFor(parseSearchTerms(q), organizationId)
    : [{ where: Prisma.sql`TRUE`, order: BY_NAME }];
}
