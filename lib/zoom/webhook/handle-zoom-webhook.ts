import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { NotificationOutcome, NotificationSource } from "@/generated/prisma/enums";
import { sha256Hex } from "@/lib/crypto/hmac";
import { db } from "@/lib/db/db";
import { env } from "@/lib/env";
import { fieldErrorsOf } from "@/lib/errors";
import { groupCommit } from "@/lib/server/group-commit";
import { errorFields, log } from "@/lib/log";
import { handleAppDeauthorized } from "@/lib/retention/handle-app-deauthorized";
import { appDeauthorizedPayloadSchema } from "@/lib/retention/schemas";
import { withSqlTransaction } from "@/lib/db/sql";
import { stampZoomWebhook } from "@/lib/zoom/connection-stamps";
import { canonicalJson } from "@/lib/zoom/webhook/canonical-json";
import {
  type IngestResult,
  ingestWebhookEvents,
  type WebhookEvent,
} from "@/lib/zoom/webhook/ingest-webhook-events";
import {
  isMeetingEvent,
  type MeetingEventPayload,
  parseMeetingEvent,
} from "@/lib/zoom/webhook/meeting-events";
import {
  accountIdSchema,
  MAX_WEBHOOK_BYTES,
  urlValidationPayloadSchema,
  type ZoomWebhookEnvelope,
  zoomWebhookEnvelopeSchema,
} from "@/lib/zoom/webhook/schemas";
import { answerUrlValidation, verifyZoomSignature } from "@/lib/zoom/webhook/verify-signature";

// POST /api/zoom/webhook, minus the framework: verify, parse, store once, apply, answer.
// A notification is stored and applied in one transaction, or refused with a status that makes
// Zoom retry (503); a duplicate delivery changes nothing. No Zoom calls here: Zoom waits 3 s at most.
// Deliveries that arrive together share a transaction (group commit); each is acknowledged only
// once its transaction has committed.

export type WebhookOutcome = { status: number; body: unknown };

const reject = (
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string[]>,
): WebhookOutcome => ({
  status,
  body: { error: { code, message, ...(fields ? { fields } : {}) } },
});

/** Equal deliveries (Zoom's retries) share a key, whatever their JSON key order. */
export function dedupeKeyOf(envelope: ZoomWebhookEnvelope): string {
  return `zoom:${sha256Hex(`${envelope.event}|${envelope.event_ts}|${canonicalJson(envelope.payload)}`)}`;
}

/** A body over MAX_WEBHOOK_BYTES, however it is noticed. */
export const WEBHOOK_TOO_LARGE = reject(413, "bad_request", "Body larger than 1 MB");

function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    return undefined;
  }
}

type ParsedEvent = {
  envelope: ZoomWebhookEnvelope;
  meeting: MeetingEventPayload | null;
  /** The Zoom account the event is about, when the payload names one. */
  accountId: string | null;
};

function accountIdOf(envelope: ZoomWebhookEnvelope): string | null {
  const account = accountIdSchema.safeParse(envelope.payload);
  return account.success ? account.data.account_id : null;
}

type Parsed = { ok: true; event: ParsedEvent } | { ok: false; outcome: WebhookOutcome };

/** Everything that can be refused before anything is stored. */
function verifyAndParse(secret: string, rawBody: string, headers: Headers, now: Date): Parsed {
  if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES)
    return { ok: false, outcome: WEBHOOK_TOO_LARGE };
  const signature = verifyZoomSignature({
    rawBody,
    timestamp: headers.get("x-zm-request-timestamp"),
    signature: headers.get("x-zm-signature"),
    secret,
    nowMs: now.getTime(),
  });
  if (!signature.isValid)
    return {
      ok: false,
      outcome: reject(401, "unauthorized", `Signature check failed: ${signature.reason}`),
    };
  const json = parseJson(rawBody);
  if (json === undefined)
    return { ok: false, outcome: reject(400, "bad_request", "Body is not JSON") };
  const envelope = zoomWebhookEnvelopeSchema.safeParse(json);
  if (!envelope.success)
    return {
      ok: false,
      outcome: reject(400, "bad_request", "Not a Zoom event", fieldErrorsOf(envelope.error)),
    };
  if (envelope.data.event === "app_deauthorized") {
    const payload = appDeauthorizedPayloadSchema.safeParse(envelope.data.payload);
    if (!payload.success)
      return {
        ok: false,
        outcome: reject(
          400,
          "bad_request",
          "Invalid app_deauthorized payload",
          fieldErrorsOf(payload.error),
        ),
      };
  }
  if (!isMeetingEvent(envelope.data.event))
    return {
      ok: true,
      event: { envelope: envelope.data, meeting: null, accountId: accountIdOf(envelope.data) },
    };
  const meeting = parseMeetingEvent(envelope.data);
  if (!meeting.success)
    return {
      ok: false,
      outcome: reject(
        400,
        "bad_request",
        `Invalid ${envelope.data.event} payload`,
        fieldErrorsOf(meeting.error),
      ),
    };
  return {
    ok: true,
    event: {
      envelope: envelope.data,
      meeting: meeting.data,
      accountId: accountIdOf(envelope.data),
    },
  };
}

/** app_deauthorized: stored and applied (the data of the account deleted) in one transaction. */
async function storeDeauthorization(
  event: ZoomWebhookEnvelope,
  receivedAt: Date,
): Promise<NotificationOutcome> {
  const payload = appDeauthorizedPayloadSchema.parse(event.payload);
  return db.$transaction(async (tx) => {
    const stored = await tx.inboundNotification.create({
      data: {
        source: NotificationSource.ZOOM_WEBHOOK,
        dedupeKey: dedupeKeyOf(event),
        eventType: event.event,
        eventAt: new Date(event.event_ts),
        receivedAt,
        outcome: NotificationOutcome.IGNORED,
        payload: event.payload as Prisma.InputJsonObject,
      },
      select: { id: true },
    });
    const result = await handleAppDeauthorized(
      tx,
      { payload, raw: event.payload as Prisma.InputJsonObject },
      receivedAt,
    );
    const outcome = result.isApplied ? NotificationOutcome.APPLIED : NotificationOutcome.UNMATCHED;
    await tx.inboundNotification.update({
      where: { id: stored.id },
      data: { outcome, organizationId: result.organizationId },
      select: { id: true },
    });
    return outcome;
  });
}

/**
 * Writes a batch in one transaction. A batch fails as a whole (one bad event, a cut connection),
 * so its events are then written one per transaction: only those that fail again are refused
 * (null), and Zoom retries them.
 */
async function writeBatch(events: WebhookEvent[]): Promise<(IngestResult | null)[]> {
  try {
    return await withSqlTransaction((sql) => ingestWebhookEvents(sql, events));
  } catch (error) {
    log.error("zoom.webhook.not_stored", { events: events.length, ...errorFields(error) });
    if (events.length === 1) return [null];
    const results: (IngestResult | null)[] = [];
    for (const event of events) results.push(...(await writeBatch([event])));
    return results;
  }
}

const WEBHOOK_BATCHING = { maxBatch: 200, writers: 1 };
const ingestEvent = groupCommit(writeBatch, WEBHOOK_BATCHING);

const notStored = () => reject(503, "unavailable", "The event could not be stored; retry later");

/** Stores the event under its dedupe key and applies it, in one transaction. */
async function storeAndApply(
  { envelope: event, meeting, accountId }: ParsedEvent,
  receivedAt: Date,
): Promise<WebhookOutcome> {
  if (event.event === "app_deauthorized") {
    try {
      const outcome = await storeDeauthorization(event, receivedAt);
      log.info("zoom.webhook.received", { event: event.event, outcome });
      return { status: 200, body: { status: outcome.toLowerCase() } };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        return { status: 200, body: { status: "duplicate" } };
      log.error("zoom.webhook.not_stored", { event: event.event, ...errorFields(error) });
      return notStored();
    }
  }
  const result = await ingestEvent({
    dedupeKey: dedupeKeyOf(event),
    eventType: event.event,
    eventAt: new Date(event.event_ts),
    receivedAt,
    payload: event.payload,
    accountId,
    meeting,
  }).catch((error: unknown) => {
    log.error("zoom.webhook.not_stored", { event: event.event, ...errorFields(error) });
    return null;
  });
  if (!result) return notStored();
  if (result.status === "duplicate") return { status: 200, body: { status: "duplicate" } };
  log.info("zoom.webhook.received", { event: event.event, outcome: result.outcome });
  return { status: 200, body: { status: result.outcome.toLowerCase() } };
}

export type HandleZoomWebhookOptions = { rawBody: string; headers: Headers; now?: Date };

export async function handleZoomWebhook({
  rawBody,
  headers,
  now = new Date(),
}: HandleZoomWebhookOptions): Promise<WebhookOutcome> {
  const secret = env.ZOOM_WEBHOOK_SECRET_TOKEN;
  if (!secret)
    return reject(503, "unavailable", "Webhooks are not configured (ZOOM_WEBHOOK_SECRET_TOKEN)");
  const parsed = verifyAndParse(secret, rawBody, headers, now);
  if (!parsed.ok) return parsed.outcome;
  const event = parsed.event.envelope;

  if (event.event === "endpoint.url_validation") {
    const challenge = urlValidationPayloadSchema.safeParse(event.payload);
    if (!challenge.success)
      return reject(400, "bad_request", "Missing plainToken", fieldErrorsOf(challenge.error));
    return { status: 200, body: answerUrlValidation(secret, challenge.data.plainToken) };
  }
  const outcome = await storeAndApply(parsed.event, now);
  const { accountId } = parsed.event;
  if (outcome.status === 200 && accountId) {
    await stampZoomWebhook(accountId).catch((error: unknown) =>
      log.warn("zoom.webhook.stamp_failed", errorFields(error)),
    );
  }
  return outcome;
}
