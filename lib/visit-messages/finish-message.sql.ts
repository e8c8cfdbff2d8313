import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { VisitMessageStatus } from "@/generated/prisma/enums";
import { sqlTime } from "@/lib/db/sql";

export type MessageOutcomeFields = {
  lastError: string | null;
  /** Sent: the address it went to. */
  toAddress?: string;
  sentAt?: Date;
  /** Retried: when the next attempt may come. */
  notBefore?: Date;
};

/**
 * Records what became of a claimed message and releases its lease, in one plain statement (it runs
 * once per message sent: 10,000 a minute at a big clinic's morning). Fields left out keep their value.
 * Only the holder of the lease records: a dispatcher whose lease ran out changes nothing.
 */
export function buildFinishMessageSql(
  id: string,
  lease: string,
  status: VisitMessageStatus,
  fields: MessageOutcomeFields,
  now: Date,
): Prisma.Sql {
  return Prisma.sql`
    UPDATE "VisitMessage"
       SET "status" = ${status}::"VisitMessageStatus",
           "claimedUntil" = NULL,
           "lastError" = ${fields.lastError},
           "toAddress" = COALESCE(${fields.toAddress ?? null}, "toAddress"),
           "sentAt" = COALESCE(${sqlTime(fields.sentAt ?? null)}::timestamp(3), "sentAt"),
           "notBefore" = COALESCE(${sqlTime(fields.notBefore ?? null)}::timestamp(3), "notBefore"),
           "updatedAt" = ${sqlTime(now)}::timestamp(3)
     WHERE "id" = ${id}::uuid AND "claimedUntil" = ${lease}::timestamp(3) AND "status" = 'QUEUED'`;
}
