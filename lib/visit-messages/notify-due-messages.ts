import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { pooledSql } from "@/lib/db/sql";
import { publishVisitMessagesSql } from "@/lib/visit-messages/publish-visit-messages";

/** Tells every instance's dispatcher to look for due messages (the minute's schedule). */
export async function notifyDueVisitMessages(): Promise<void> {
  await pooledSql.execute(Prisma.sql`SELECT ${publishVisitMessagesSql()}`);
}
