import { type Logger } from "./log";
import { type Registration } from "./state/registration-schema";
import { type EmulatorState } from "./state/state-schema";
import { type DeliveryQueue } from "./webhooks/delivery-queue";

// The one object every route receives: mutable state plus the services around it.

export interface EmulatorConfig {
  // Base of join_url, start_url and api_url.
  publicUrl: string;
  webhookRetryDelaysMs: number[];
  // Zoom gives a receiver 3 s (zoom-webhooks.md#retries); tests may shorten it.
  webhookTimeoutMs: number;
  // What `POST /_emulator/reset` with `{ "registration": true }` returns to.
  startupRegistration: Registration;
}

export interface Emulator {
  state: EmulatorState;
  config: EmulatorConfig;
  // The emulator clock: wall time plus the offset `POST /_emulator/clock` adds.
  now(): number;
  // Call after every state change, so the state file gets written.
  changed(): void;
  log: Logger;
  deliveries: DeliveryQueue;
  // Requests per account, category and second, for `X-RateLimit-Remaining`.
  qpsCounters: Map<string, number>;
}
