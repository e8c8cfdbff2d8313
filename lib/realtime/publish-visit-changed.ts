import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/db";
import { VISIT_CHANGED_CHANNEL } from "@/lib/realtime/channels";

/**
 * Publishes `visit_changed` for a visit id (a SQL expression, such as a column of the rows a
 * statement changed): PostgreSQL delivers it to every instance's LISTEN connection when, and only
 * if, the transaction commits (lib/realtime/change-hub.ts). As a fragment, so that the statement
 * that changes visits publishes them itself, without another round trip.
 */
export function publishVisitChangedSql(visitId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`pg_notify(${VISIT_CHANGED_CHANNEL}, ${visitId}::text)`;
}

/** Publishes `visit_changed` for one visit from a transaction (scheduled, moved, cancelled). */
export async function publishVisitChanged(tx: Tx, visitId: string): Promise<void> {
  await tx.$executeRaw`SELECT ${publishVisitChangedSql(Prisma.sql`${visitId}`)}`;
}
