import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { EVERY_KEY, VISIT_MESSAGES_CHANNEL } from "@/lib/realtime/channels";

/**
 * Tells every instance's dispatcher that messages may be due: from the transaction that queued
 * them, PostgreSQL delivers it only on commit (lib/realtime/change-hub.ts).
 */
export function publishVisitMessagesSql(): Prisma.Sql {
  return Prisma.sql`pg_notify(${VISIT_MESSAGES_CHANNEL}, ${EVERY_KEY})`;
}
