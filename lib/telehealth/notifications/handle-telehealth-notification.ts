import "server-only";

import { NotificationOutcome, NotificationSource, VisitStatus } from "@/generated/prisma/enums";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { db } from "@/lib/db/db";
import { sqlOf } from "@/lib/db/sql";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import {
  acknowledgement,
  answerRefusals,
  type InboundOutcome,
  notStoredRefusal,
} from "@/lib/inbound/inbound-outcome";
import { type StoredOutcome, storeNotifications } from "@/lib/inbound/store-notifications";
import { errorFields, log } from "@/lib/log";
import { lockVisit } from "@/lib/visits/attendance/lock-visit";
import {
  type ParticipantVisit,
  participantVisitSelect,
  recordParticipantEvent,
} from "@/lib/visits/attendance/record-participant-event";

import { checkNotifierCredentials } from "./check-notifier-credentials";
import { deriveConnectionEventKind } from "./connection-status";
import { buildTelehealthDedupeKey } from "./dedupe-key";
import { parseTelehealthNotificationQuery, type TelehealthNotificationQuery } from "./schemas";

// GET /api/telehealth/notifications, minus the framework: parse, find the visit, check its
// organization's Basic credentials, store once, apply, answer. A notification is stored and
// applied in one transaction, or refused with 503 so that the sender retries; a duplicate changes
// nothing. @see docs/protocols/telehealth-notifications.md#request

export const TELEHEALTH_NOTIFICATION_EVENT = "telehealth.connection_status";
export const TELEHEALTH_NOTIFICATION_REALM = "CareVisit telehealth notifications";
export const NOTIFICATIONS_OFF =
  "Notifications are off until the clinic sets a notification username and password";

// A GET answer must never be replayed by a cache in place of the next notification.
const NO_STORE = { "Cache-Control": "no-store" };

const unknownVisit = () => new AppError("not_found", "Unknown ConferenceID");

/** The visit, if the request may notify about it. The visit names the organization, and so the credentials. */
async function authorize(
  query: TelehealthNotificationQuery,
  headers: Headers,
): Promise<ParticipantVisit> {
  const visit = await db.visit.findUnique({
    where: { id: query.ConferenceID },
    select: participantVisitSelect,
  });
  if (!visit) throw unknownVisit();
  const authorization = await checkNotifierCredentials(
    visit.organizationId,
    headers.get("authorization"),
    clientIpFrom(headers),
  );
  if (authorization.check === "valid") return visit;
  // Transient, so a 5xx that the sender retries (as for a database failure), not a 429.
  if (authorization.check === "too_many_failures") {
    log.warn("telehealth.notification.too_many_failures", { visitId: visit.id });
    throw new AppError(
      "unavailable",
      "Too many failed credential checks for this clinic; retry later",
      { headers: { "Retry-After": String(authorization.retryAfterSeconds) } },
    );
  }
  const challenge = {
    headers: { "WWW-Authenticate": `Basic realm="${TELEHEALTH_NOTIFICATION_REALM}"` },
  };
  // Without stored credentials the endpoint is off: anyone who knows a visit id could otherwise
  // mark a patient as in the meeting (issue 17).
  if (authorization.check === "not_configured") {
    log.warn("telehealth.notification.not_configured", { visitId: visit.id });
    throw new AppError("unauthorized", NOTIFICATIONS_OFF, challenge);
  }
  log.warn("telehealth.notification.unauthorized", { visitId: visit.id });
  throw new AppError("unauthorized", "Missing or wrong Basic credentials", challenge);
}

/** Stores the notification under its dedupe key and applies it, in one transaction; null if the visit is gone. */
async function storeAndApply(
  query: TelehealthNotificationQuery,
  visit: ParticipantVisit,
  receivedAt: Date,
): Promise<StoredOutcome | null> {
  const kind = deriveConnectionEventKind(query.ConnectionStatus);
  return db.$transaction(async (tx) => {
    const status = await lockVisit(tx, visit.id);
    if (status === null) return null; // deleted since it was found
    const isApplied = kind !== null && status !== VisitStatus.CANCELLED;
    const outcome = isApplied ? NotificationOutcome.APPLIED : NotificationOutcome.IGNORED;
    const dedupeKey = buildTelehealthDedupeKey(query, receivedAt);
    const stored = await storeNotifications(sqlOf(tx), NotificationSource.TELEHEALTH_GET, [
      {
        dedupeKey,
        eventType: TELEHEALTH_NOTIFICATION_EVENT,
        eventAt: null, // the GET carries no event time
        receivedAt,
        organizationId: visit.organizationId,
        visitId: visit.id,
        outcome,
        payload: query,
      },
    ]);
    const notificationId = stored.get(dedupeKey);
    if (notificationId === undefined) return "duplicate";
    if (isApplied)
      await recordParticipantEvent(tx, {
        visit,
        notificationId,
        kind,
        occurredAt: receivedAt,
        clues: {
          ourUserId: query.ExternalID,
          fallbackKey: `external:${query.ExternalIDType}:${query.ExternalID}`,
        },
      });
    return outcome;
  });
}

export type HandleTelehealthNotificationOptions = { url: URL; headers: Headers; now?: Date };

async function receiveTelehealthNotification({
  url,
  headers,
  now = new Date(),
}: HandleTelehealthNotificationOptions): Promise<InboundOutcome> {
  const parsed = parseTelehealthNotificationQuery(url.searchParams);
  if (!parsed.success)
    throw new AppError("bad_request", "Invalid notification", {
      fields: fieldErrorsOf(parsed.error),
    });
  const query = parsed.data;
  const visit = await authorize(query, headers).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    log.error("telehealth.notification.not_checked", errorFields(error));
    throw notStoredRefusal("notification");
  });
  const outcome = await storeAndApply(query, visit, now).catch((error: unknown) => {
    log.error("telehealth.notification.not_stored", { visitId: visit.id, ...errorFields(error) });
    throw notStoredRefusal("notification");
  });
  if (outcome === null) throw unknownVisit();
  if (outcome !== "duplicate") {
    const { ConnectionStatus: connectionStatus } = query;
    log.info("telehealth.notification.received", { visitId: visit.id, connectionStatus, outcome });
  }
  return acknowledgement(outcome);
}

/** Every answer, refusals too, carries `Cache-Control: no-store`. */
export async function handleTelehealthNotification(
  options: HandleTelehealthNotificationOptions,
): Promise<Required<InboundOutcome>> {
  const outcome = await answerRefusals(() => receiveTelehealthNotification(options));
  return { ...outcome, headers: { ...NO_STORE, ...outcome.headers } };
}
