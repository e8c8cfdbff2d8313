import http from "node:http";
import type { AddressInfo } from "node:net";

import { handleZoomWebhook } from "@/lib/zoom/webhook/handle-zoom-webhook";

// A real HTTP endpoint that hands Zoom's deliveries to the same function the route handler calls,
// so integration tests receive the emulator's signed webhooks without a Next.js server.

export async function startWebhookReceiver(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      void handleZoomWebhook({ rawBody: Buffer.concat(chunks).toString("utf8"), headers }).then(
        (outcome) => {
          response.writeHead(outcome.status, { "Content-Type": "application/json" });
          response.end(JSON.stringify(outcome.body));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/zoom/webhook`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
