import "server-only";

import { AppError, fieldErrorsOf } from "@/lib/errors";
import { type AppDeauthorizedPayload, appDeauthorizedPayloadSchema } from "@/lib/retention/schemas";
import {
  isMeetingEvent,
  type MeetingEventPayload,
  parseMeetingEvent,
} from "@/lib/zoom/webhook/meeting-events";
import {
  accountIdSchema,
  urlValidationPayloadSchema,
  type ZoomWebhookEnvelope,
  zoomWebhookEnvelopeSchema,
} from "@/lib/zoom/webhook/schemas";
import { verifyZoomSignature } from "@/lib/zoom/webhook/verify-signature";

// Everything about a Zoom delivery that can be refused before anything is stored, as one pure
// step: signature and timestamp (401), JSON and the envelope (400), and the payload of each event
// we act on (400). What passes is the event, parsed. @see zoom-protocols.md §2.2–§2.5

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
  if (!signature.isValid)
    throw new AppError("unauthorized", `Signature check failed: ${signature.reason}`);
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
