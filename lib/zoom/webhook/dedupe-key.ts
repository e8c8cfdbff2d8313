import { sha256Hex } from "@/lib/crypto/hmac";
import { canonicalJson } from "@/lib/zoom/webhook/canonical-json";
import type { ZoomWebhookEnvelope } from "@/lib/zoom/webhook/schemas";

// Zoom's retries of one event carry the same event, timestamp and payload, whatever their JSON key
// order: that is what identifies a delivery. @see docs/protocols/zoom-webhooks.md#payloads

/** `zoom:{sha256 of event | event_ts | canonical JSON of the payload}` */
export function buildZoomDedupeKey(envelope: ZoomWebhookEnvelope): string {
  return `zoom:${sha256Hex(`${envelope.event}|${envelope.event_ts}|${canonicalJson(envelope.payload)}`)}`;
}
