import { z } from "zod";

// The envelope every Zoom webhook shares. @see docs/protocols/zoom-webhooks.md#payloads

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

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
