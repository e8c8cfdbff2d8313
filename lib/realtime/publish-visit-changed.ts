import "server-only";

import type { Sql } from "@/lib/sql";

/** The PostgreSQL channel that carries ids of visits whose live state changed. */
export const VISIT_CHANGED_CHANNEL = "visit_changed";

/**
 * Tells every app instance that these visits changed. Inside the change's transaction: PostgreSQL
 * delivers the notifications only if, and when, the transaction commits. Each carries only an id.
 */
export async function publishVisitsChanged(sql: Sql, visitIds: string[]): Promise<void> {
  await sql.query(`SELECT count(pg_notify($1, "id")) FROM unnest($2::text[]) AS v("id")`, [
    VISIT_CHANGED_CHANNEL,
    visitIds,
  ]);
}
