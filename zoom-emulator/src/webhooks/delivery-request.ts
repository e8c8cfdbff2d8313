import { type Emulator } from "../emulator";
import { type OutboundRequest } from "../http/outbound";
import { newTrackingId } from "../ids";
import { type Delivery } from "../state/delivery-schema";
import { signWebhook } from "./signature";

// The HTTP request for one attempt. Webhooks are re-signed per attempt with the wall-clock time
// of that attempt: receivers reject stale timestamps (zoom-webhooks.md#signature), and a retry 5
// minutes later must still pass. The body, and so `event_ts`, stays the same bytes on every
// attempt.

export const ZOOM_USER_AGENT = "Zoom Marketplace/1.0a";

function buildWebhookHeaders(emulator: Emulator, body: Buffer): Record<string, string> {
  const { registration } = emulator.state;
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    "content-type": "application/json; charset=utf-8",
    "user-agent": ZOOM_USER_AGENT,
    clientid: registration.clientId,
    "x-zm-request-timestamp": timestamp,
    "x-zm-signature": signWebhook(registration.webhookSecretToken, timestamp, body),
    "x-zm-trackingid": newTrackingId("Webhook"),
  };
}

function buildEpicHeaders(emulator: Emulator): Record<string, string> {
  const epic = emulator.state.registration.epicNotification;
  const headers: Record<string, string> = { accept: "application/json" };
  if (!epic) return headers;
  const credentials = Buffer.from(`${epic.username}:${epic.password}`, "utf8").toString("base64");
  headers.authorization = `Basic ${credentials}`;
  if (epic.clientId) headers["epic-client-id"] = epic.clientId;
  return headers;
}

export function buildDeliveryRequest(emulator: Emulator, delivery: Delivery): OutboundRequest {
  const timeoutMs = emulator.config.webhookTimeoutMs;
  if (delivery.kind === "epic") {
    return {
      method: "GET",
      url: delivery.url,
      headers: buildEpicHeaders(emulator),
      body: null,
      timeoutMs,
    };
  }
  const body = Buffer.from(delivery.body ?? "", "utf8");
  return {
    method: "POST",
    url: delivery.url,
    headers: buildWebhookHeaders(emulator, body),
    body,
    timeoutMs,
  };
}
