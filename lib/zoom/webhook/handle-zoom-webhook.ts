import "server-only";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  acknowledgement,
  answerRefusals,
  bodyTimedOut,
  bodyTooLarge,
  type InboundOutcome,
  notStoredRefusal,
} from "@/lib/inbound/inbound-outcome";
import { type BodySource, readBodyCapped } from "@/lib/inbound/read-body-capped";
import type { StoredOutcome } from "@/lib/inbound/store-notifications";
import { errorFields, log } from "@/lib/log";
import { recordAppDeauthorization } from "@/lib/retention/record-app-deauthorization";
import { stampZoomWebhook } from "@/lib/zoom/connection-stamps";
import { buildZoomDedupeKey } from "@/lib/zoom/webhook/dedupe-key";
import { buildWebhookLedgerPayload } from "@/lib/zoom/webhook/ledger-payload";
import { ingestWebhookEvent } from "@/lib/zoom/webhook/ingest-webhook-events";
import { MAX_WEBHOOK_BYTES, WEBHOOK_BODY_TIMEOUT_MS } from "@/lib/zoom/webhook/schemas";
import { answerUrlValidation } from "@/lib/zoom/webhook/verify-signature";
import {
  verifyZoomDelivery,
  verifyZoomHeaders,
  type ZoomDelivery,
} from "@/lib/zoom/webhook/verify-zoom-delivery";

// POST /api/zoom/webhook, minus the framework: verify and parse (verify-zoom-delivery.ts, pure),
// store once and apply, answer. A notification is stored and applied in one transaction, or
// refused with 503 so that Zoom retries; a duplicate delivery changes nothing. No Zoom calls here:
// Zoom waits 3 s at most. Events that arrive together share a transaction (group commit,
// ingest-webhook-events.ts); each is acknowledged only once its transaction has committed.

/** A body over MAX_WEBHOOK_BYTES, however it is noticed. */
export const WEBHOOK_TOO_LARGE = bodyTooLarge("64 KB");
const WEBHOOK_BODY_TIMED_OUT = bodyTimedOut(WEBHOOK_BODY_TIMEOUT_MS / 1000);

function webhookSecret(): string {
  const secret = env.ZOOM_WEBHOOK_SECRET_TOKEN;
  if (!secret)
    throw new AppError("unavailable", "Webhooks are not configured (ZOOM_WEBHOOK_SECRET_TOKEN)");
  return secret;
}

type StorableDelivery = Exclude<ZoomDelivery, { type: "url_validation" }>;

/** Stores the delivery under its dedupe key and applies it, in one transaction. */
async function storeDelivery(delivery: StorableDelivery, receivedAt: Date): Promise<StoredOutcome> {
  const { envelope } = delivery;
  const notification = {
    dedupeKey: buildZoomDedupeKey(envelope), // of the whole payload, as Zoom sent it
    eventType: envelope.event,
    eventAt: new Date(envelope.event_ts),
    receivedAt,
    payload: buildWebhookLedgerPayload(envelope.payload),
  };
  const stored =
    delivery.type === "deauthorization"
      ? recordAppDeauthorization({
          notification,
          payload: delivery.payload,
          event: envelope.payload,
        })
      : ingestWebhookEvent({
          ...notification,
          accountId: delivery.accountId,
          meeting: delivery.meeting,
        });
  const outcome = await stored.catch((error: unknown) => {
    log.error("zoom.webhook.not_stored", { event: envelope.event, ...errorFields(error) });
    return null;
  });
  if (outcome === null) throw notStoredRefusal("event"); // logged where it failed
  if (outcome !== "duplicate")
    log.info("zoom.webhook.received", { event: envelope.event, outcome });
  return outcome;
}

export type HandleZoomWebhookOptions = { rawBody: string; headers: Headers; now?: Date };

/** A delivery whose body has been read: checked in the order the entry points check it. */
export async function handleZoomWebhook({
  rawBody,
  headers,
  now = new Date(),
}: HandleZoomWebhookOptions): Promise<InboundOutcome> {
  return answerRefusals(async () => {
    const secret = webhookSecret();
    verifyZoomHeaders(headers, now);
    if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES) return WEBHOOK_TOO_LARGE;
    const delivery = verifyZoomDelivery({ secret, rawBody, headers, now });
    if (delivery.type === "url_validation")
      return { status: 200, body: answerUrlValidation(secret, delivery.plainToken) };
    const outcome = await storeDelivery(delivery, now);
    const accountId =
      delivery.type === "deauthorization" ? delivery.payload.account_id : delivery.accountId;
    if (accountId)
      await stampZoomWebhook(accountId).catch((error: unknown) =>
        log.warn("zoom.webhook.stamp_failed", errorFields(error)),
      );
    return acknowledgement(outcome);
  });
}

/**
 * Both entry points. What the headers alone can refuse is refused before a byte of the body is
 * read; then the body is read up to its cap and its time (the signature covers its exact bytes)
 * and handled.
 */
export async function receiveZoomWebhook(
  body: BodySource,
  headers: Headers,
): Promise<InboundOutcome> {
  return answerRefusals(async () => {
    try {
      webhookSecret();
      verifyZoomHeaders(headers, new Date());
    } catch (error) {
      body.stop();
      throw error;
    }
    const read = await readBodyCapped(body, {
      maxBytes: MAX_WEBHOOK_BYTES,
      timeoutMs: WEBHOOK_BODY_TIMEOUT_MS,
    });
    if (read.status === "too_large") return WEBHOOK_TOO_LARGE;
    if (read.status === "timed_out") return WEBHOOK_BODY_TIMED_OUT;
    return handleZoomWebhook({ rawBody: read.text, headers });
  });
}
