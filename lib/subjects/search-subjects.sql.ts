import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { VisitStatus } from "@/generated/prisma/enums";
import type { AuditEntry } from "@/lib/audit/record-audit";
import { buildAuditInsertSql } from "@/lib/audit/record-audit.sql";
import { sqlEnum } from "@/lib/db/sql";
import { SUBJECTS_PAGE_SIZE } from "@/lib/subjects/constants";
import type { DateOrder } from "@/lib/subjects/date-of-birth";
import type { SubjectSearchParams } from "@/lib/subjects/schemas";
import { escapeLike, parseSearchTerms, type SearchTerms } from "@/lib/subjects/search-terms";

// The subject search's statement. Every reading of the query (record number, date of birth,
// email, phone, surname, first name, "first last") is a "part": an index range scan in the order
// of the same index, cut at the rows the page needs. Parts come in relevance order; a subject
// found by several keeps its best. See the subject_search migration for the indexes.

const LAST = Prisma.sql`lower(s."lastName") COLLATE "C"`;
const FIRST = Prisma.sql`lower(s."firstName") COLLATE "C"`;
const RECORD = Prisma.sql`s."recordNumber" COLLATE "C"`;
const EMAIL = Prisma.sql`s."email" COLLATE "C"`;
const PHONE = Prisma.sql`s."phoneDigits" COLLATE "C"`;
/** A record number's digits without leading zeros: the subject_record_digits migration's index. */
const RECORD_DIGITS = Prisma.sql`ltrim(regexp_replace(s."recordNumber", '[^0-9]', '', 'g'), '0') COLLATE "C"`;
const BY_NAME = [LAST, FIRST, RECORD];

export type Part = { where: Prisma.Sql; order: Prisma.Sql[] };

/** The matches of a query in which nothing can match. */
const NO_MATCHES = Prisma.sql`SELECT NULL::uuid, 0, NULL::text, NULL::text, NULL::text WHERE FALSE`;

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

function sortOrder(params: SubjectSearchParams): Prisma.Sql[] | null {
  const direction = params.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const keys =
    params.sort === "record"
      ? [RECORD]
      : params.sort === "dob"
        ? [Prisma.sql`s."dateOfBirth"`, ...BY_NAME]
        : params.sort === "name"
          ? BY_NAME
          : null;
  return keys ? keys.map((key) => Prisma.sql`${key} ${direction}`) : null;
}

function filtersFor(params: SubjectSearchParams, organizationId: string): Prisma.Sql {
  const filters = [Prisma.sql`s."organizationId" = ${organizationId}::uuid`];
  if (params.portal === "with") filters.push(Prisma.sql`s."userId" IS NOT NULL`);
  if (params.portal === "without") filters.push(Prisma.sql`s."userId" IS NULL`);
  if (params.upcoming) {
    filters.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Visit" v WHERE v."subjectId" = s."id" AND v."status" IN (${sqlEnum(VisitStatus.SCHEDULED)}, ${sqlEnum(VisitStatus.IN_PROGRESS)}) AND v."scheduledStart" >= now() - interval '1 day')`,
    );
  }
  return Prisma.join(filters, " AND ");
}

/** The search's audit row, written by the search statement itself (see `buildAuditInsertSql`). */
export type SearchAudit = {
  entry: AuditEntry;
  /** Written only when the page has matches: a name without any may yet be corrected. */
  shouldWaitForCorrection: boolean;
};

/**
 * The SQL of one page of matches: each part read in its own index order, then merged by relevance
 * or the chosen column. With an audit, the same statement writes the audit row, its result count
 * counted from the page.
 */
export function buildSearchSql(
  parts: Part[],
  params: SubjectSearchParams,
  organizationId: string,
  audit?: SearchAudit,
): Prisma.Sql {
  const offset = (params.page - 1) * SUBJECTS_PAGE_SIZE;
  const needed = offset + SUBJECTS_PAGE_SIZE + 1;
  const chosen = sortOrder(params);
  const filters = filtersFor(params, organizationId);
  const selects = parts.map((part, rank) => {
    const order = chosen ?? part.order;
    const keys = [0, 1, 2].map((i) => {
      const key = chosen ? undefined : part.order[i];
      return key ? Prisma.sql`${key}::text` : Prisma.sql`NULL::text`;
    });
    return Prisma.sql`(SELECT s."id", ${rank}::int AS rank, ${Prisma.join(keys)} FROM "Subject" s WHERE ${filters} AND (${part.where}) ORDER BY ${Prisma.join(order)} LIMIT ${needed})`;
  });
  const outerOrder = chosen ?? [
    Prisma.sql`b.rank`,
    Prisma.sql`b.k1 COLLATE "C"`,
    Prisma.sql`b.k2 COLLATE "C"`,
    Prisma.sql`b.k3 COLLATE "C"`,
  ];
  const auditCte = audit
    ? Prisma.sql`, audit AS (${buildAuditInsertSql(audit.entry, {
        computedDetails: Prisma.sql`jsonb_build_object('resultCount', (SELECT LEAST(count(*), ${SUBJECTS_PAGE_SIZE})::int FROM page))`,
        when: audit.shouldWaitForCorrection ? Prisma.sql`EXISTS (SELECT 1 FROM page)` : undefined,
      })})`
    : Prisma.empty;
  return Prisma.sql`
    WITH matches (id, rank, k1, k2, k3) AS (${selects.length > 0 ? Prisma.join(selects, " UNION ALL ") : NO_MATCHES}),
         best AS (SELECT DISTINCT ON (id) * FROM matches ORDER BY id, rank),
         page AS (
           SELECT s."id", s."recordNumber", s."firstName", s."lastName", s."dateOfBirth", s."email",
                  s."phone", row_number() OVER (ORDER BY ${Prisma.join(outerOrder)}) AS position
           FROM best b JOIN "Subject" s ON s."id" = b.id
           ORDER BY position
           LIMIT ${SUBJECTS_PAGE_SIZE + 1} OFFSET ${offset})${auditCte}
    SELECT "id", "recordNumber", "firstName", "lastName", "dateOfBirth", "email", "phone"
    FROM page ORDER BY position`;
}

/** What the search will run for a query: its parts (empty when nothing in it can match). */
export function searchPartsFor(q: string, organizationId: string): Part[] {
  return q
    ? partsFor(parseSearchTerms(q), organizationId)
    : [{ where: Prisma.sql`TRUE`, order: BY_NAME }];
}
