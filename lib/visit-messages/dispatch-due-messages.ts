import "server-only";

import { pooledSql } from "@/lib/db/sql";
import { db } from "@/lib/db/db";
import {
  buildClaimDueMessagesSql,
  type ClaimedMessageRow,
} from "@/lib/visit-messages/claim-due-messages.sql";
import { deliverySelect } from "@/lib/visit-messages/claimed-message";
import {
  deliverVisitMessage,
  type DeliveryOutcome,
  type Send,
} from "@/lib/visit-messages/deliver-visit-message";

export type DispatchOptions = {
  /** The clock (tests move it); read again for every batch. */
  now?: () => Date;
  batchSize?: number;
  /** Messages of a batch in flight at once (the SMTP pool has its own connection limit). */
  concurrency?: number;
  leaseMs?: number;
  send?: Send;
};

export type DispatchResult = Record<DeliveryOutcome, number>;

/**
 * Sends every visit message that is due, in batches, until none is left: claim a batch (a lease,
 * so concurrent dispatchers on other instances take other rows), send each, record each outcome.
 */
export async function dispatchDueMessages({
  now = () => new Date(),
  batchSize = 32,
  concurrency = 8,
  leaseMs = 120_000,
  send,
}: DispatchOptions = {}): Promise<DispatchResult> {
  const result: DispatchResult = {
    sent: 0,
    retrying: 0,
    failed: 0,
    bounced: 0,
    cancelled: 0,
    skipped: 0,
  };
  for (;;) {
    const at = now();
    const claimed = await pooledSql.query<ClaimedMessageRow>(
      buildClaimDueMessagesSql(at, batchSize, leaseMs),
    );
    if (claimed.length === 0) return result;
    const messages = await db.visitMessage.findMany({
      where: { id: { in: claimed.map((row) => row.id) } },
      select: deliverySelect,
      orderBy: { notBefore: "asc" },
    });
    const leases = new Map(claimed.map((row) => [row.id, row.lease]));
    let next = 0;
    const lane = async () => {
      while (next < messages.length) {
        const message = messages[next++]!;
        const lease = leases.get(message.id) ?? "";
        result[await deliverVisitMessage(message, { lease, now: now(), leaseMs, send })] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, lane));
  }
}
