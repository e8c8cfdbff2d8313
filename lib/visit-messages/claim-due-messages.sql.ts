import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { sqlTime } from "@/lib/db/sql";

/** `lease`: the claim's `claimedUntil`, as text: only its holder may record the outcome. */
export type ClaimedMessageRow = { id: string; lease: string };

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
    RETURNING m."id"::text AS "id", m."claimedUntil"::text AS "lease"`;
}

export type TakenMessageRow = {
  lease: string;
  status: string;
  calendarSequence: number;
  scheduledStart: Date;
  durationMinutes: number;
  email: string | null;
  remindersOptedOutAt: Date | null;
};

/**
 * Right before a message is sent: renews the lease, if this dispatcher still holds it, and reads
 * the visit as it is now (a cancel or a move may have committed since the batch was read). No row:
 * another dispatcher holds the message now, or it is no longer queued.
 */
export function buildTakeMessageSql(
  id: string,
  lease: string,
  now: Date,
  leaseMs: number,
): Prisma.Sql {
  const at = Prisma.sql`${sqlTime(now)}::timestamp(3)`;
  return Prisma.sql`
    UPDATE "VisitMessage" m
       SET "claimedUntil" = ${at} + make_interval(secs => ${leaseMs / 1000})
      FROM "Visit" v JOIN "Subject" s ON s."id" = v."subjectId"
     WHERE m."id" = ${id}::uuid AND m."claimedUntil" = ${lease}::timestamp(3)
       AND m."status" = 'QUEUED' AND v."id" = m."visitId"
    RETURNING m."claimedUntil"::text AS "lease", v."status"::text AS "status",
              v."calendarSequence", v."scheduledStart", v."durationMinutes",
              s."email", s."remindersOptedOutAt"`;
}
