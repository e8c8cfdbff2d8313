import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { NotificationSource } from "@/generated/prisma/enums";
import { sqlTime } from "@/lib/db/sql";
import type { NotificationToStore } from "@/lib/inbound/store-notifications";

export type StoredNotificationRow = { id: string; dedupeKey: string };

/** The notifications whose dedupe key is new, in one statement; returns the ones it stored. */
export function buildStoreNotificationsSql(
  source: NotificationSource,
  notifications: NotificationToStore[],
): Prisma.Sql {
  const column = <T>(pick: (notification: NotificationToStore) => T) => notifications.map(pick);
  return Prisma.sql`
    INSERT INTO "InboundNotification" ("source", "dedupeKey", "eventType", "eventAt", "receivedAt",
      "outcome", "organizationId", "visitId", "payload")
    SELECT ${source}::"NotificationSource", *
      FROM unnest(${column((notification) => notification.dedupeKey)}::text[],
                  ${column((notification) => notification.eventType)}::text[],
                  ${column((notification) => sqlTime(notification.eventAt))}::timestamp(3)[],
                  ${column((notification) => sqlTime(notification.receivedAt))}::timestamp(3)[],
                  ${column((notification) => notification.outcome)}::"NotificationOutcome"[],
                  ${column((notification) => notification.organizationId)}::uuid[],
                  ${column((notification) => notification.visitId)}::uuid[],
                  ${column((notification) => JSON.stringify(notification.payload))}::jsonb[])
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id"::text AS "id", "dedupeKey"`;
}
