import { randomBytes } from "node:crypto";

import { type Emulator } from "../emulator";
import { sendOutbound } from "../http/outbound";
import { type Delivery } from "../state/delivery-schema";
import { buildDeliveryRequest } from "./delivery-request";
import { nextEventTs } from "./event-ts";
import { encryptPlainToken } from "./signature";

// Sends a signed `endpoint.url_validation` and checks the answer: HTTP 200 with
// `{plainToken, encryptedToken: hex(HMAC-SHA256(secret, plainToken))}`
// (zoom-webhooks.md#url-validation). One attempt, no retries, as when a developer saves the
// endpoint in the Marketplace.

export interface ValidationResult {
  ok: boolean;
  status: number | null;
  body: unknown;
  error: string | null;
}

function parseBody(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    return text;
  }
}

function isExpectedAnswer(body: unknown, plainToken: string, encryptedToken: string): boolean {
  if (typeof body !== "object" || body === null) return false;
  return (
    "plainToken" in body &&
    body.plainToken === plainToken &&
    "encryptedToken" in body &&
    body.encryptedToken === encryptedToken
  );
}

export async function validateEndpoint(emulator: Emulator): Promise<ValidationResult> {
  const { registration } = emulator.state;
  const plainToken = randomBytes(16).toString("base64url");
  const event = "endpoint.url_validation";
  const body = JSON.stringify({ event, payload: { plainToken }, event_ts: nextEventTs(emulator) });
  const delivery: Delivery = {
    id: `dlv_${emulator.state.nextDeliveryId++}`,
    kind: "webhook",
    event,
    url: registration.eventUrl,
    body,
    attempts: [],
    delivered: false,
    state: "pending",
  };
  emulator.state.deliveries.push(delivery);
  const at = new Date().toISOString();
  let result: ValidationResult;
  try {
    const response = await sendOutbound(buildDeliveryRequest(emulator, delivery));
    const answer = parseBody(response.body);
    const expected = encryptPlainToken(registration.webhookSecretToken, plainToken);
    const ok = response.status === 200 && isExpectedAnswer(answer, plainToken, expected);
    delivery.attempts.push({ at, status: response.status });
    result = { ok, status: response.status, body: answer, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    delivery.attempts.push({ at, error: message });
    result = { ok: false, status: null, body: null, error: message };
  }
  delivery.delivered = result.ok;
  delivery.state = result.ok ? "delivered" : "dropped";
  emulator.changed();
  emulator.log("webhook.validation", { id: delivery.id, ok: result.ok, status: result.status });
  return result;
}
