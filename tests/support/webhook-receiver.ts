import http from "node:http";
import type { AddressInfo } from "node:net";

import { serveZoomWebhook } from "@/lib/zoom/webhook/serve-zoom-webhook";

// A real HTTP endpoint that answers Zoom's deliveries as the production server does (the same
// function), so integration tests receive the emulator's signed webhooks without a Next.js server.
// `stop` waits for every delivery's handling to finish: one that never does fails the test's hook.

export async function startWebhookReceiver(): Promise<{ url: string; stop: () => Promise<void> }> {
  const handling = new Set<Promise<void>>();
  const server = http.createServer((request, response) => {
    const handled = serveZoomWebhook(request, response).finally(() => handling.delete(handled));
    handling.add(handled);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/zoom/webhook`,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all([closed, ...handling]);
    },
  };
}
