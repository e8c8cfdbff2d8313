import "server-only";

import type { VisitStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/lib/db/db";
import { type Sql, sqlOf } from "@/lib/db/sql";
import { buildLockVisitsSql, type LockedVisitRow } from "@/lib/visits/attendance/lock-visit.sql";

/**
 * Locks the visits' rows for the rest of the transaction and returns their statuses (a visit that
 * is gone is missing from the map). Every inbound notification takes this lock before writing
 * anything that refers to the visit, so that two notifications of one visit run one after the
 * other instead of deadlocking (a row that refers to the visit takes a share lock on it, which
 * blocks a later FOR UPDATE of another one). Rows are locked in id order, so two transactions
 * that lock several visits cannot deadlock on each other either.
 */
export async function lockVisits(sql: Sql, visitIds: string[]): Promise<Map<string, VisitStatus>> {
  if (visitIds.length === 0) return new Map();
  const rows = await sql.query<LockedVisitRow>(buildLockVisitsSql([...new Set(visitIds)]));
  return new Map(rows.map((row) => [row.id, row.status]));
}

/** Locks one visit (see lockVisits) and returns its status, or null if it is gone. */
export async function lockVisit(tx: Tx, visitId: string): Promise<VisitStatus | null> {
  return (await lockVisits(sqlOf(tx), [visitId])).get(visitId.toLowerCase()) ?? null;
}
