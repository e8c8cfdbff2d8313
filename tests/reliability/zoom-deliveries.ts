import { createHmac } from "node:crypto";

// Zoom webhook deliveries as the reliability tests send them: a JSON body and the headers Zoom
// puts on a real delivery. The signature is computed here from the protocol, not with the app's
// own signZoomPayload, so that the two implementations check each other.
// @see docs/protocols/zoom-webhooks.md#delivery, docs/protocols/zoom-webhooks.md#signature

export type ZoomEnvelope = {
  event: string;
  event_ts: number;
  payload: Record<string, unknown>;
};

/** What handleZoomWebhook takes. */
export type ZoomDelivery = { rawBody: string; headers: Headers; now: Date };

/**
 * `v0=` + lowercase hex HMAC-SHA256 of `v0:{timestamp}:{body}`.
 * @see docs/protocols/zoom-webhooks.md#signature
 */
export function signZoomBody(secret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`, "utf8").digest("hex")}`;
}

export const secondsOf = (date: Date): number => Math.floor(date.getTime() / 1000);

/**
 * The headers of a real delivery (docs/protocols/zoom-webhooks.md#delivery), without the two that
 * are signed.
 */
export function baseZoomHeaders(): Headers {
  return new Headers({
    "user-agent": "Zoom Marketplace/1.0a",
    "content-type": "application/json; charset=utf-8",
    "x-zm-trackingid": "v=2.0;clid=aw1;rid=WEB_reliability",
  });
}

/** A delivery of `rawBody`, signed with `secret` at `now` (or at the given timestamp header). */
export function signedDelivery(
  rawBody: string,
  options: { secret: string; now: Date; timestamp?: string },
): ZoomDelivery {
  const timestamp = options.timestamp ?? String(secondsOf(options.now));
  const headers = baseZoomHeaders();
  headers.set("x-zm-request-timestamp", timestamp);
  headers.set("x-zm-signature", signZoomBody(options.secret, timestamp, rawBody));
  return { rawBody, headers, now: options.now };
}

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reverseKeys(inner)]),
  );
}

/**
 * The body Zoom would send. A retry of the same event may serialise its keys in another order
 * (`isReordered`); it is still the same event.
 */
export function serializeEnvelope(envelope: ZoomEnvelope, isReordered = false): string {
  return JSON.stringify(isReordered ? reverseKeys(envelope) : envelope);
}
