import { afterAll, beforeAll } from "vitest";

import { startWebhookReceiver } from "@/tests/support/webhook-receiver";
import {
  startZoomEmulator,
  pointAppAtEmulator,
  type ZoomEmulatorProcess,
} from "@/tests/support/zoom-emulator-process";

export type ZoomTestContext = { zoom: ZoomEmulatorProcess };

/**
 * For a test file: a Zoom emulator process (and, with `receiveWebhooks`, a local endpoint that
 * hands its signed deliveries to handleZoomWebhook), with the app's Zoom settings pointed at it.
 * Use `context.zoom` inside tests.
 */
export function withZoomEmulator(options: { receiveWebhooks?: boolean } = {}): ZoomTestContext {
  const context = {} as ZoomTestContext;
  let stopReceiver = () => Promise.resolve();
  beforeAll(async () => {
    const receiver = options.receiveWebhooks ? await startWebhookReceiver() : null;
    stopReceiver = receiver?.stop ?? stopReceiver;
    context.zoom = await startZoomEmulator({ eventUrl: receiver?.url });
    pointAppAtEmulator(context.zoom.url);
  });
  afterAll(async () => {
    await context.zoom.stop();
    await stopReceiver();
  });
  return context;
}
