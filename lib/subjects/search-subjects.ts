import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pooledSql } from "@/lib/sql";
import { correctNameWords } from "@/lib/subjects/correct-name-words";
import { SUBJECTS_PAGE_SIZE } from "@/lib/subjects/constants";
import type { SubjectSearchParams } from "@/lib/subjects/schemas";
import { escapeLike, parseSearchTerms, type SearchTerms } from "@/lib/subjects/search-terms";

// Subject search that stays fast at a million subjects. Every reading of the query (record number,
// date of birth, email, phone, surname, first name, "first last") is a "part": an index range scan
// in the order of the same index, cut at the rows the page needs. Parts come in relevance order;
// a subject found by several keeps its best. See the subject_search migration for the indexes.

const LAST = Prisma.sql`lower(s."lastName") COLLATE "C"`;
const FIRST = Prisma.sql`lower(s."firstName") COLLATE "C"`;
const RECORD = Prisma.sql`s."recordNumber" COLLATE "C"`;
const EMAIL = Prisma.sql`s."email" COLLATE "C"`;
const PHONE = Prisma.sql`s."phoneDigits" COLLATE "C"`;
const BY_NAME = [LAST, FIRST, RECORD];

type Part = { where: Prisma.Sql; order: Prisma.Sql[] };

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

function partsFor(terms: SearchTerms): Part[] {
  const parts: Part[] = [];
  if (terms.recordNumber) {
    parts.push({ where: Prisma.sql`${RECORD} = ${terms.recordNumber}`, order: [RECORD] });
    parts.push({
      where: Prisma.sql`${RECORD} LIKE ${prefix(terms.recordNumber)}`,
      order: [RECORD],
    });
  }
  if (terms.dateOfBirth)
    parts.push({ where: Prisma.sql`s."dateOfBirth" = ${terms.dateOfBirth}::date`, order: BY_NAME });
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
      Prisma.sql`EXISTS (SELECT 1 FROM "Visit" v WHERE v."subjectId" = s."id" AND v."status" IN ('SCHEDULED', 'IN_PROGRESS') AND v."scheduledStart" >= now() - interval '1 day')`,
    );
  }
  return Prisma.join(filters, " AND ");
}

export type SubjectListItem = {
  id: string;
  recordNumber: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  email: string | null;
  phone: string | null;
};

/** The SQL of one page of matches: each part read in its own index order, then merged by relevance or the chosen column. */
export function buildSearchSql(
  parts: Part[],
  params: SubjectSearchParams,
  organizationId: string,
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
  return Prisma.sql`
    WITH matches (id, rank, k1, k2, k3) AS (${Prisma.join(selects, " UNION ALL ")}),
         best AS (SELECT DISTINCT ON (id) * FROM matches ORDER BY id, rank)
    SELECT s."id", s."recordNumber", s."firstName", s."lastName", s."dateOfBirth", s."email", s."phone"
    FROM best b JOIN "Subject" s ON s."id" = b.id
    ORDER BY ${Prisma.join(outerOrder)}
    LIMIT ${SUBJECTS_PAGE_SIZE + 1} OFFSET ${offset}`;
}

/** What the search will run for a query: its parts (empty when nothing in it can match). */
export function searchPartsFor(q: string): Part[] {
  return q ? partsFor(parseSearchTerms(q)) : [{ where: Prisma.sql`TRUE`, order: BY_NAME }];
}

async function runSearch(
  parts: Part[],
  params: SubjectSearchParams,
  organizationId: string,
): Promise<SubjectListItem[]> {
  if (parts.length === 0) return [];
  const search = buildSearchSql(parts, params, organizationId);
  return pooledSql.query<SubjectListItem>(search.text, search.values);
}

export type SubjectSearchResult = {
  items: SubjectListItem[];
  page: number;
  hasNextPage: boolean;
  /** When nothing matched as typed: the query with name words corrected, whose results are shown. */
  correctedQuery: string | null;
};

export type SearchSubjectsOptions = SubjectSearchParams & { viewer: Viewer };

/** The care team's search over the viewer's organization, one page at a time, audited (without the query text). */
export async function searchSubjects(options: SearchSubjectsOptions): Promise<SubjectSearchResult> {
  const { viewer, ...params } = options;
  if (viewer.role === Role.PATIENT)
    throw new AppError("forbidden", "Patients cannot search subjects");
  const terms = parseSearchTerms(params.q);
  let rows = await runSearch(searchPartsFor(params.q), params, viewer.organizationId);
  let correctedQuery: string | null = null;
  if (rows.length === 0 && terms.name && params.page === 1) {
    const corrected = await correctNameWords(viewer.organizationId, terms.name);
    if (corrected && corrected !== terms.name) {
      correctedQuery = corrected;
      rows = await runSearch(searchPartsFor(corrected), params, viewer.organizationId);
    }
  }
  await recordAudit(db, {
    actor: viewer,
    action: "subject.search",
    targetType: "subject",
    details: {
      page: params.page,
      hasQuery: params.q.length > 0,
      isCorrected: correctedQuery !== null,
      resultCount: Math.min(rows.length, SUBJECTS_PAGE_SIZE),
    },
  });
  return {
    items: rows.slice(0, SUBJECTS_PAGE_SIZE),
    page: params.page,
    hasNextPage: rows.length > SUBJECTS_PAGE_SIZE,
    correctedQuery,
  };
}
