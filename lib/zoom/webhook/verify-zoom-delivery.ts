import "server-only";

import { AppError, fieldErrorsOf } from "@/lib/errors";
import { isJsonNestedDeeperThan } from "@/lib/inbound/json-depth";
import { type AppDeauthorizedPayload, appDeauthorizedPayloadSchema } from "@/lib/retention/schemas";
import {
  isMeetingEvent,
  type MeetingEventPayload,
  parseMeetingEvent,
} from "@/lib/zoom/webhook/meeting-events";
import {
  accountIdSchema,
  MAX_WEBHOOK_JSON_DEPTH,
  urlValidationPayloadSchema,
  type ZoomWebhookEnvelope,
  zoomWebhookEnvelopeSchema,
} from "@/lib/zoom/webhook/schemas";
import {
  checkZoomSignatureHeaders,
  verifyZoomSignature,
} from "@/lib/zoom/webhook/verify-signature";

// Everything about a Zoom delivery that can be refused before anything is stored, as one pure
// step: signature and timestamp (401; the headers alone, before the body is read, with
// verifyZoomHeaders), JSON nested too deeply or not JSON, the envelope, and the payload of each
// event we act on (400). What passes is the event, parsed. @see docs/protocols/zoom-webhooks.md

export type ZoomDelivery =
  | { type: "url_validation"; plainToken: string }
  | { type: "deauthorization"; envelope: ZoomWebhookEnvelope; payload: AppDeauthorizedPayload }
  | {
      type: "event";
      envelope: ZoomWebhookEnvelope;
      /** The meeting or participant event; null for events that are only stored. */
      meeting: MeetingEventPayload | null;
      /** The Zoom account the event is about, when the payload names one. */
      accountId: string | null;
    };

export type VerifyZoomDeliveryOptions = {
  secret: string;
  rawBody: string;
  headers: Headers;
  now: Date;
};

function parseJson(rawBody: string): unknown {
  // Walking a value nested thousands deep (its dedupe key, its storage) would overflow the stack.
  if (isJsonNestedDeeperThan(rawBody, MAX_WEBHOOK_JSON_DEPTH))
    throw new AppError(
      "bad_request",
      `Body is JSON nested more than ${MAX_WEBHOOK_JSON_DEPTH} deep`,
    );
  try {
    return JSON.parse(rawBody);
  } catch {
    throw new AppError("bad_request", "Body is not JSON");
  }
}

const invalid = (message: string, error: Parameters<typeof fieldErrorsOf>[0]) =>
  new AppError("bad_request", message, { fields: fieldErrorsOf(error) });

function accountIdOf(envelope: ZoomWebhookEnvelope): string | null {
  const account = accountIdSchema.safeParse(envelope.payload);
  return account.success ? account.data.account_id : null;
}

const signatureRefusal = (reason: string) =>
  new AppError("unauthorized", `Signature check failed: ${reason}`);

/**
 * The part of the check that needs no body: the signature headers and the timestamp's age. The
 * entry points run it before reading the body; verifyZoomDelivery runs it again.
 */
export function verifyZoomHeaders(headers: Headers, now: Date): void {
  const check = checkZoomSignatureHeaders({
    timestamp: headers.get("x-zm-request-timestamp"),
    signature: headers.get("x-zm-signature"),
    nowMs: now.getTime(),
  });
  if (!check.isValid) throw signatureRefusal(check.reason);
}

/** The delivery, verified and parsed; throws the AppError that refuses it. */
export function verifyZoomDelivery({
  secret,
  rawBody,
  headers,
  now,
}: VerifyZoomDeliveryOptions): ZoomDelivery {
  const signature = verifyZoomSignature({
    rawBody,
    timestamp: headers.get("x-zm-request-timestamp"),
    signature: headers.get("x-zm-signature"),
    secret,
    nowMs: now.getTime(),
  });
  if (!signature.isValid) throw signatureRefusal(signature.reason);
  const parsed = zoomWebhookEnvelopeSchema.safeParse(parseJson(rawBody));
  if (!parsed.success) throw invalid("Not a Zoom event", parsed.error);
  const envelope = parsed.data;

  if (envelope.event === "endpoint.url_validation") {
    const challenge = urlValidationPayloadSchema.safeParse(envelope.payload);
    if (!challenge.success) throw invalid("Missing plainToken", challenge.error);
    return { type: "url_validation", plainToken: challenge.data.plainToken };
  }
  if (envelope.event === "app_deauthorized") {
    const payload = appDeauthorizedPayloadSchema.safeParse(envelope.payload);
    if (!payload.success) throw invalid("Invalid app_deauthorized payload", payload.error);
    return { type: "deauthorization", envelope, payload: payload.data };
  }
  const accountId = accountIdOf(envelope);
  if (!isMeetingEvent(envelope.event)) return { type: "event", envelope, meeting: null, accountId };
  const meeting = parseMeetingEvent(envelope);
  if (!meeting.success) throw invalid(`Invalid ${envelope.event} payload`, meeting.error);
  return { type: "event", envelope, meeting: meeting.data, accountId };
}
