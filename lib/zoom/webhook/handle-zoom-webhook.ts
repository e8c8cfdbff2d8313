import "server-only";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  acknowledgement,
  answerRefusals,
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
import { ingestWebhookEvent } from "@/lib/zoom/webhook/ingest-webhook-events";
import { MAX_WEBHOOK_BYTES } from "@/lib/zoom/webhook/schemas";
import { answerUrlValidation } from "@/lib/zoom/webhook/verify-signature";
import { verifyZoomDelivery, type ZoomDelivery } from "@/lib/zoom/webhook/verify-zoom-delivery";

// POST /api/zoom/webhook, minus the framework: verify and parse (verify-zoom-delivery.ts, pure),
// store once and apply, answer. A notification is stored and applied in one transaction, or
// refused with 503 so that Zoom retries; a duplicate delivery changes nothing. No Zoom calls here:
// Zoom waits 3 s at most. Events that arrive together share a transaction (group commit,
// ingest-webhook-events.ts); each is acknowledged only once its transaction has committed.

/** A body over MAX_WEBHOOK_BYTES, however it is noticed. */
export const WEBHOOK_TOO_LARGE = bodyTooLarge("1 MB");

type StorableDelivery = Exclude<ZoomDelivery, { type: "url_validation" }>;

/** Stores the delivery under its dedupe key and applies it, in one transaction. */
async function storeDelivery(delivery: StorableDelivery, receivedAt: Date): Promise<StoredOutcome> {
  const { envelope } = delivery;
  const notification = {
    dedupeKey: buildZoomDedupeKey(envelope),
    eventType: envelope.event,
    eventAt: new Date(envelope.event_ts),
    receivedAt,
    payload: envelope.payload,
  };
  const stored =
    delivery.type === "deauthorization"
      ? recordAppDeauthorization({ notification, payload: delivery.payload })
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

export async function handleZoomWebhook({
  rawBody,
  headers,
  now = new Date(),
}: HandleZoomWebhookOptions): Promise<InboundOutcome> {
  if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES) return WEBHOOK_TOO_LARGE;
  return answerRefusals(async () => {
    const secret = env.ZOOM_WEBHOOK_SECRET_TOKEN;
    if (!secret)
      throw new AppError("unavailable", "Webhooks are not configured (ZOOM_WEBHOOK_SECRET_TOKEN)");
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

/** Both entry points: the body, read up to the cap (the signature covers its exact bytes), handled. */
export async function receiveZoomWebhook(
  body: BodySource,
  headers: Headers,
): Promise<InboundOutcome> {
  const read = await readBodyCapped(body, MAX_WEBHOOK_BYTES);
  if (read.status === "too_large") return WEBHOOK_TOO_LARGE;
  return handleZoomWebhook({ rawBody: read.text, headers });
}
