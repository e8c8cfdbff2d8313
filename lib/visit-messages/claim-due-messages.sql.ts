import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { sqlTime } from "@/lib/db/sql";

export type ClaimedMessageRow = { id: string };

/**
 * Takes a lease on up to `limit` due messages, oldest first (partial index VisitMessage_due_idx).
 * Dispatchers running at once skip each other's rows (SKIP LOCKED) and, while the lease lasts, the
 * rows another claimed: each message goes to one of them. A dispatcher that dies mid-send leaves
 * its lease to run out; the attempt it counted stays counted.
 */
export function buildClaimDueMessagesSql(now: Date, limit: number, leaseMs: number): Prisma.Sql {
  const at = Prisma.sql`${sqlTime(now)}::timestamp(3)`;
  return Prisma.sql`
    UPDATE "VisitMessage" m
       SET "claimedUntil" = ${at} + make_interval(secs => ${leaseMs / 1000}),
           "attempts" = m."attempts" + 1,
           "updatedAt" = ${at}
     WHERE m."id" IN (
       SELECT "id" FROM "VisitMessage"
        WHERE "status" = 'QUEUED' AND "notBefore" <= ${at}
          AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${at})
        ORDER BY "notBefore"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING m."id"::text AS "id"`;
}
