import "server-only";

import type { Tx } from "@/lib/db";

/** The PostgreSQL channel that carries ids of visits whose live state changed. */
export const VISIT_CHANGED_CHANNEL = "visit_changed";

/**
 * Tells every app instance that a visit changed. Inside the change's transaction: PostgreSQL
 * delivers the notification only if, and when, the transaction commits. It carries only the id.
 */
export async function publishVisitChanged(tx: Tx, visitId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${VISIT_CHANGED_CHANNEL}, ${visitId})`;
}
