import { type Emulator } from "../emulator";
import { sendOutbound } from "../http/outbound";
import { type Delivery } from "../state/delivery-schema";
import { buildDeliveryRequest } from "./delivery-request";

// Sends notifications in the order they happened and retries failures on Zoom's schedule:
// a non-2xx answer or none within 3 s is retried after each configured delay (default 5, 20 and
// 60 minutes), then dropped (zoom-webhooks.md#retries). First attempts run one after another, so a
// receiver sees "admitted" before "joined"; retries run on their own timers.

const MAX_LOGGED_DELIVERIES = 1000;

export interface NewDelivery {
  kind: Delivery["kind"];
  event: string;
  url: string;
  body: string | null;
}

export interface DeliveryQueue {
  // Resolves once the first attempt has finished (whatever its outcome).
  enqueue(emulator: Emulator, delivery: NewDelivery): Promise<Delivery>;
  // After a restart: retry what the state file says was still pending.
  resumePending(emulator: Emulator): void;
  // For `POST /_emulator/reset`: the deliveries it would retry are gone from the state.
  cancelRetries(): void;
  // Waits for first attempts already under way; cancels scheduled retries.
  close(): Promise<void>;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function pruneLog(emulator: Emulator) {
  const { deliveries } = emulator.state;
  while (deliveries.length > MAX_LOGGED_DELIVERIES) {
    const index = deliveries.findIndex((delivery) => delivery.state !== "pending");
    if (index === -1) return;
    deliveries.splice(index, 1);
  }
}

export function createDeliveryQueue(): DeliveryQueue {
  let chain: Promise<unknown> = Promise.resolve();
  const timers = new Set<NodeJS.Timeout>();
  let isClosed = false;

  function scheduleRetry(emulator: Emulator, delivery: Delivery, delayMs: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(emulator, delivery);
    }, delayMs);
    timers.add(timer);
  }

  async function attempt(emulator: Emulator, delivery: Delivery): Promise<void> {
    if (isClosed) return;
    const request = buildDeliveryRequest(emulator, delivery);
    const at = new Date().toISOString();
    try {
      const response = await sendOutbound(request);
      delivery.attempts.push({ at, status: response.status });
      delivery.delivered = isSuccess(response.status);
    } catch (error) {
      delivery.attempts.push({ at, error: error instanceof Error ? error.message : String(error) });
    }
    const retryIndex = delivery.attempts.length - 1;
    const nextDelay = emulator.config.webhookRetryDelaysMs[retryIndex];
    if (delivery.delivered) delivery.state = "delivered";
    else if (nextDelay === undefined) delivery.state = "dropped";
    else if (!isClosed) scheduleRetry(emulator, delivery, nextDelay);
    const last = delivery.attempts.at(-1);
    emulator.log("delivery.attempt", {
      id: delivery.id,
      kind: delivery.kind,
      notification: delivery.event,
      attempt: delivery.attempts.length,
      status: last?.status,
      error: last?.error,
      state: delivery.state,
    });
    emulator.changed();
  }

  return {
    enqueue(emulator, input) {
      const delivery: Delivery = {
        id: `dlv_${emulator.state.nextDeliveryId++}`,
        ...input,
        attempts: [],
        delivered: false,
        state: "pending",
      };
      emulator.state.deliveries.push(delivery);
      pruneLog(emulator);
      emulator.changed();
      const settled = chain.then(() => attempt(emulator, delivery)).then(() => delivery);
      chain = settled;
      return settled;
    },
    resumePending(emulator) {
      for (const delivery of emulator.state.deliveries) {
        if (delivery.state !== "pending") continue;
        const delay = emulator.config.webhookRetryDelaysMs[delivery.attempts.length - 1] ?? 0;
        scheduleRetry(emulator, delivery, delivery.attempts.length === 0 ? 0 : delay);
      }
    },
    cancelRetries() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    async close() {
      isClosed = true;
      this.cancelRetries();
      await chain;
    },
  };
}
