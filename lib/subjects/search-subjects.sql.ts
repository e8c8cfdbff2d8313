import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { VisitStatus } from "@/generated/prisma/enums";
import type { AuditEntry } from "@/lib/audit/record-audit";
import { buildAuditInsertSql } from "@/lib/audit/record-audit.sql";
import { sqlEnum } from "@/lib/db/sql";
import { SUBJECTS_PAGE_SIZE } from "@/lib/subjects/constants";
import type { SubjectSearchParams } from "@/lib/subjects/schemas";
import { BY_NAME, type Part, RECORD } from "@/lib/subjects/search-parts.sql";

// The subject search's statement: each reading of the query (a "part", search-parts.sql.ts) read
// in its index's order and cut at the rows the page needs; a subject found by several parts keeps
// its best.

/** The matches of a query in which nothing can match. */
const NO_MATCHES = Prisma.sql`SELECT NULL::uuid, 0, NULL::text, NULL::text, NULL::text WHERE FALSE`;

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
