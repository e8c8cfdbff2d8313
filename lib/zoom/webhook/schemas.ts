import { z } from "zod";

// The envelope every Zoom webhook shares. @see docs/protocols/zoom-webhooks.md#payloads

/** Zoom's events are a few KB; a larger body is refused as it arrives (issue 17). */
export const MAX_WEBHOOK_BYTES = 64 * 1024;
/** How long a body may take to arrive, from its first read. */
export const WEBHOOK_BODY_TIMEOUT_MS = 10_000;
/** Zoom's events nest 5 or 6 deep; deeper JSON is refused before it is parsed. */
export const MAX_WEBHOOK_JSON_DEPTH = 32;

export const zoomWebhookEnvelopeSchema = z.object({
  event: z.string().min(1).max(100),
  // Milliseconds; PostgreSQL's timestamps end with the year 9999.
  event_ts: z.number().int().positive().max(253_402_300_799_999),
  payload: z.record(z.string(), z.unknown()),
});
export type ZoomWebhookEnvelope = z.infer<typeof zoomWebhookEnvelopeSchema>;

/** @see docs/protocols/zoom-webhooks.md#url-validation */
export const urlValidationPayloadSchema = z.object({ plainToken: z.string().min(1).max(256) });

export const accountIdSchema = z.object({ account_id: z.string().min(1) });
