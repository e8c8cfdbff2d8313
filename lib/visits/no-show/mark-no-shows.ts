import "server-only";

import { type Db, db } from "@/lib/db/db";
import { buildMarkNoShowsSql } from "@/lib/visits/no-show/mark-no-shows.sql";

export type MarkNoShowsOptions = { now?: Date; client?: Db };

/** The no-show job (pg-boss, every minute): marks the visits that became no-shows, once each. */
export async function markNoShows({ now = new Date(), client = db }: MarkNoShowsOptions = {}) {
  const rows = await client.$queryRaw<{ marked: number }[]>(buildMarkNoShowsSql(now));
  return { marked: rows[0]?.marked ?? 0 };
}
