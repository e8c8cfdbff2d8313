import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import {
  DataDeletionReason,
  NotificationOutcome,
  NotificationSource,
  ZoomConnectionStatus,
} from "@/generated/prisma/enums";
import { db, type Tx } from "@/lib/db/db";
import { sqlOf } from "@/lib/db/sql";
import {
  type NotificationToStore,
  type StoredOutcome,
  storeNotifications,
} from "@/lib/inbound/store-notifications";
import { log } from "@/lib/log";
import { endZoomConnection } from "@/lib/retention/end-zoom-connection";
import type { AppDeauthorizedPayload } from "@/lib/retention/schemas";

// Zoom's app_deauthorized (the app was removed on Zoom's side), stored in the inbound ledger and
// applied in one transaction: the account's connection ended and, unless Zoom allows retention,
// the purge of its data scheduled. A repeat changes nothing.
// @see docs/protocols/zoom-webhooks.md#app-deauthorized
// @see docs/protocols/zoom-oauth.md#data-compliance

export type RecordAppDeauthorizationOptions = {
  notification: Pick<
    NotificationToStore,
    "dedupeKey" | "eventType" | "eventAt" | "receivedAt" | "payload"
  >;
  payload: AppDeauthorizedPayload;
  /** The event's payload as Zoom sent it: Zoom's Data Compliance call sends it back. */
  event: Record<string, unknown>;
};

/** Ends the account's connection and schedules the purge; whether it did, and whose it was. */
async function endDeauthorizedConnection(
  tx: Tx,
  { notification, payload, event }: RecordAppDeauthorizationOptions,
): Promise<{ isApplied: boolean; organizationId: string | null }> {
  const connection = await tx.zoomConnection.findFirst({
    where: { zoomAccountId: payload.account_id, status: { not: ZoomConnectionStatus.REMOVED } },
    select: { id: true, organizationId: true, zoomAccountId: true },
  });
  if (!connection) return { isApplied: false, organizationId: null };
  const retentionAllowed = payload.user_data_retention;
  const isApplied = await endZoomConnection(tx, {
    connection,
    reason: DataDeletionReason.DEAUTHORIZED_IN_ZOOM,
    retentionAllowed,
    at: notification.receivedAt,
    actor: null,
    deauthorizationEvent: event as Prisma.InputJsonObject,
  });
  if (isApplied)
    log.info("zoom.deauthorized", { organizationId: connection.organizationId, retentionAllowed });
  return { isApplied, organizationId: connection.organizationId };
}

export async function recordAppDeauthorization(
  options: RecordAppDeauthorizationOptions,
): Promise<StoredOutcome> {
  const { notification } = options;
  return db.$transaction(async (tx) => {
    const stored = await storeNotifications(sqlOf(tx), NotificationSource.ZOOM_WEBHOOK, [
      {
        ...notification,
        outcome: NotificationOutcome.IGNORED,
        organizationId: null,
        visitId: null,
      },
    ]);
    const id = stored.get(notification.dedupeKey);
    if (id === undefined) return "duplicate";
    const { isApplied, organizationId } = await endDeauthorizedConnection(tx, options);
    const outcome = isApplied ? NotificationOutcome.APPLIED : NotificationOutcome.UNMATCHED;
    await tx.inboundNotification.update({
      where: { id },
      data: { outcome, organizationId },
      select: { id: true },
    });
    return outcome;
  });
}
