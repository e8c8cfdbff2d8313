import "server-only";

import type { NotificationOutcome, NotificationSource } from "@/generated/prisma/enums";
import type { Sql } from "@/lib/db/sql";
import {
  buildStoreNotificationsSql,
  type StoredNotificationRow,
} from "@/lib/inbound/store-notifications.sql";

// The ledger of inbound notifications: every notification from outside is stored once under its
// de-duplication key, in the transaction that applies it, so that a repeat changes nothing.

/** How a stored notification was taken, or that it had been stored before. */
export type StoredOutcome = NotificationOutcome | "duplicate";

export type NotificationToStore = {
  dedupeKey: string;
  eventType: string;
  /** The sender's time of the event; null when the sender gives none. */
  eventAt: Date | null;
  receivedAt: Date;
  outcome: NotificationOutcome;
  organizationId: string | null;
  visitId: string | null;
  payload: unknown;
};

/**
 * Stores the notifications not stored before, in one statement; returns the new ones' ids by
 * dedupe key (a key missing from the map was stored before: a duplicate).
 */
export async function storeNotifications(
  sql: Sql,
  source: NotificationSource,
  notifications: NotificationToStore[],
): Promise<Map<string, bigint>> {
  if (notifications.length === 0) return new Map();
  // In key order, so that two transactions storing the same keys cannot deadlock.
  const sorted = [...notifications].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : 1));
  const stored = await sql.query<StoredNotificationRow>(buildStoreNotificationsSql(source, sorted));
  return new Map(stored.map((row) => [row.dedupeKey, BigInt(row.id)]));
}
