import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { NotificationOutcome, NotificationSource, VisitStatus } from "@/generated/prisma/enums";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { db } from "@/lib/db/db";
import { fieldErrorsOf } from "@/lib/errors";
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

export type TelehealthNotificationOutcome = {
  status: number;
  body: unknown;
  headers: Record<string, string>;
};

// A GET answer must never be replayed by a cache in place of the next notification.
const NO_STORE = { "Cache-Control": "no-store" };

function answer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): TelehealthNotificationOutcome {
  return { status, body, headers: { ...NO_STORE, ...headers } };
}

function reject(
  status: number,
  code: string,
  message: string,
  extra: { fields?: Record<string, string[]>; headers?: Record<string, string> } = {},
): TelehealthNotificationOutcome {
  const fields = extra.fields ? { fields: extra.fields } : {};
  return answer(status, { error: { code, message, ...fields } }, extra.headers);
}

const unavailable = () =>
  reject(503, "unavailable", "The notification could not be stored; retry later");

type Authorized =
  { ok: true; visit: ParticipantVisit } | { ok: false; outcome: TelehealthNotificationOutcome };

/** The visit is what names the organization, and so the credentials to check. */
async function authorize(
  query: TelehealthNotificationQuery,
  authorizationHeader: string | null,
  clientIp: string | null,
): Promise<Authorized> {
  const visit = await db.visit.findUnique({
    where: { id: query.ConferenceID },
    select: participantVisitSelect,
  });
  if (!visit) return { ok: false, outcome: reject(404, "not_found", "Unknown ConferenceID") };
  const authorization = await checkNotifierCredentials(
    visit.organizationId,
    authorizationHeader,
    clientIp,
  );
  // "not_configured": the organization asked for no credentials, so none are required.
  if (authorization.check === "valid" || authorization.check === "not_configured")
    return { ok: true, visit };
  // Transient, so a 5xx that the sender retries (as for a database failure), not a 429.
  if (authorization.check === "too_many_failures") {
    log.warn("telehealth.notification.too_many_failures", { visitId: visit.id });
    const outcome = reject(
      503,
      "unavailable",
      "Too many failed credential checks for this clinic; retry later",
      { headers: { "Retry-After": String(authorization.retryAfterSeconds) } },
    );
    return { ok: false, outcome };
  }
  log.warn("telehealth.notification.unauthorized", { visitId: visit.id });
  const outcome = reject(401, "unauthorized", "Missing or wrong Basic credentials", {
    headers: { "WWW-Authenticate": `Basic realm="${TELEHEALTH_NOTIFICATION_REALM}"` },
  });
  return { ok: false, outcome };
}

/** Stores the notification under its dedupe key and applies it, in one transaction. */
async function storeAndApply(
  query: TelehealthNotificationQuery,
  visit: ParticipantVisit,
  receivedAt: Date,
): Promise<TelehealthNotificationOutcome> {
  const kind = deriveConnectionEventKind(query.ConnectionStatus);
  try {
    const outcome = await db.$transaction(async (tx) => {
      const status = await lockVisit(tx, visit.id);
      if (status === null) return null; // deleted since it was found
      const isApplied = kind !== null && status !== VisitStatus.CANCELLED;
      const outcome = isApplied ? NotificationOutcome.APPLIED : NotificationOutcome.IGNORED;
      const stored = await tx.inboundNotification.create({
        data: {
          source: NotificationSource.TELEHEALTH_GET,
          dedupeKey: buildTelehealthDedupeKey(query, receivedAt),
          eventType: TELEHEALTH_NOTIFICATION_EVENT,
          eventAt: null, // the GET carries no event time
          receivedAt,
          organizationId: visit.organizationId,
          visitId: visit.id,
          outcome,
          payload: query,
        },
        select: { id: true },
      });
      if (isApplied)
        await recordParticipantEvent(tx, {
          visit,
          notificationId: stored.id,
          kind,
          occurredAt: receivedAt,
          clues: {
            ourUserId: query.ExternalID,
            fallbackKey: `external:${query.ExternalIDType}:${query.ExternalID}`,
          },
        });
      return outcome;
    });
    if (!outcome) return reject(404, "not_found", "Unknown ConferenceID");
    const { ConnectionStatus: connectionStatus } = query;
    log.info("telehealth.notification.received", { visitId: visit.id, connectionStatus, outcome });
    return answer(200, { status: outcome.toLowerCase() });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return answer(200, { status: "duplicate" });
    log.error("telehealth.notification.not_stored", { visitId: visit.id, ...errorFields(error) });
    return unavailable();
  }
}

export type HandleTelehealthNotificationOptions = { url: URL; headers: Headers; now?: Date };

export async function handleTelehealthNotification({
  url,
  headers,
  now = new Date(),
}: HandleTelehealthNotificationOptions): Promise<TelehealthNotificationOutcome> {
  const parsed = parseTelehealthNotificationQuery(url.searchParams);
  if (!parsed.success)
    return reject(400, "bad_request", "Invalid notification", {
      fields: fieldErrorsOf(parsed.error),
    });
  const query = parsed.data;
  let authorized: Authorized;
  try {
    authorized = await authorize(query, headers.get("authorization"), clientIpFrom(headers));
  } catch (error) {
    log.error("telehealth.notification.not_checked", errorFields(error));
    return unavailable();
  }
  if (!authorized.ok) return authorized.outcome;
  return storeAndApply(query, authorized.visit, now);
}
