import "server-only";

import { Role } from "@/generated/prisma/enums";
import { type AuditEntry, recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import { pooledSql } from "@/lib/db/sql";
import { correctNameWords } from "@/lib/subjects/correct-name-words";
import { SUBJECTS_PAGE_SIZE } from "@/lib/subjects/constants";
import type { SubjectSearchParams } from "@/lib/subjects/schemas";
import { type Part, searchPartsFor } from "@/lib/subjects/search-parts.sql";
import { buildSearchSql, type SearchAudit } from "@/lib/subjects/search-subjects.sql";
import { parseSearchTerms } from "@/lib/subjects/search-terms";
import type { SubjectListItem, SubjectSearchResult } from "@/lib/subjects/types";

// Subject search that stays fast at a million subjects: one statement per page of matches
// (search-subjects.sql.ts), with its audit row written by the same statement.

/** One page of matches, and the search's audit row unless it waits for a correction. */
async function runSearch(
  parts: Part[],
  params: SubjectSearchParams,
  organizationId: string,
  audit: SearchAudit,
): Promise<SubjectListItem[]> {
  const search = buildSearchSql(parts, params, organizationId, audit);
  return pooledSql.query<SubjectListItem>(search);
}

export type SearchSubjectsOptions = SubjectSearchParams & { viewer: Viewer };

/**
 * A name's correction, or null when there is none or it could not be looked up: it runs beside a
 * search that may well have found matches, and must not make that search fail.
 */
async function findCorrection(organizationId: string, name: string): Promise<string | null> {
  try {
    return await correctNameWords(organizationId, name);
  } catch (error) {
    log.warn("subject.search.correction_failed", { organizationId, ...errorFields(error) });
    return null;
  }
}

/**
 * The care team's search over the viewer's organization, one page at a time, audited (without the
 * query text). A name that matches nothing on the first page is corrected from the clinic's own
 * names; the correction is looked up beside the search rather than after it, so that a misspelled
 * name costs one round trip more than a match, not two.
 */
export async function searchSubjects(options: SearchSubjectsOptions): Promise<SubjectSearchResult> {
  const { viewer, ...params } = options;
  if (viewer.role === Role.PATIENT)
    throw new AppError("forbidden", "Patients cannot search subjects");
  const organizationId = viewer.organizationId;
  const audit = (isCorrected: boolean, resultCount?: number): AuditEntry => ({
    actor: viewer,
    action: "subject.search",
    targetType: "subject",
    details: { page: params.page, hasQuery: params.q.length > 0, isCorrected, resultCount },
  });
  const result = (rows: SubjectListItem[], correctedQuery: string | null) => ({
    items: rows.slice(0, SUBJECTS_PAGE_SIZE),
    page: params.page,
    hasNextPage: rows.length > SUBJECTS_PAGE_SIZE,
    correctedQuery,
  });
  const name = params.page === 1 ? parseSearchTerms(params.q).name : null;
  const [rows, corrected] = await Promise.all([
    runSearch(searchPartsFor(params.q, organizationId), params, organizationId, {
      entry: audit(false),
      shouldWaitForCorrection: name !== null,
    }),
    name ? findCorrection(organizationId, name) : null,
  ]);
  if (rows.length > 0 || !name) return result(rows, null);
  if (corrected && corrected !== name) {
    const correctedRows = await runSearch(
      searchPartsFor(corrected, organizationId),
      params,
      organizationId,
      {
        entry: audit(true),
        shouldWaitForCorrection: false,
      },
    );
    return result(correctedRows, corrected);
  }
  await recordAudit(db, audit(false, 0));
  return result([], null);
}
