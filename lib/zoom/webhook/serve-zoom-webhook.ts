import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import { toErrorResponse } from "@/lib/server/http";
import { SECURITY_HEADERS } from "@/lib/server/security-headers";
import {
  handleZoomWebhook,
  WEBHOOK_TOO_LARGE,
  type WebhookOutcome,
} from "@/lib/zoom/webhook/handle-zoom-webhook";
import { MAX_WEBHOOK_BYTES } from "@/lib/zoom/webhook/schemas";

// POST /api/zoom/webhook on Node's own request and response: what app/api/zoom/webhook/route.ts
// does, without building a web Request. The production server answers Zoom's deliveries with it
// (lib/server/direct-routes.ts); integration tests receive the emulator's deliveries with it.

/** The body as text, or null as soon as it exceeds `maxBytes` (the rest is never read). */
function readBodyCapped(request: IncomingMessage, maxBytes: number): Promise<string | null> {
  if (Number(request.headers["content-length"] ?? "0") > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) return void chunks.push(chunk);
      request.off("data", onData).pause();
      resolve(null);
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.once("error", reject);
    request.once("close", () => {
      if (!request.complete) reject(new Error("The request closed before its body ended"));
    });
  });
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else value?.forEach((item) => headers.append(name, item));
  }
  return headers;
}

/** The answer, or null when the client went away before its body arrived. */
async function answer(request: IncomingMessage): Promise<WebhookOutcome | Response | null> {
  let rawBody: string | null;
  try {
    rawBody = await readBodyCapped(request, MAX_WEBHOOK_BYTES); // signed: these exact bytes
  } catch {
    return null;
  }
  if (rawBody === null) return WEBHOOK_TOO_LARGE;
  try {
    return await handleZoomWebhook({ rawBody, headers: headersOf(request) });
  } catch (error) {
    return toErrorResponse(error);
  }
}

export async function serveZoomWebhook(
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const outcome = await answer(request);
  if (!outcome || response.destroyed) return void response.destroy();
  const json =
    outcome instanceof Response
      ? {
          status: outcome.status,
          headers: Object.fromEntries(outcome.headers),
          body: await outcome.text(),
        }
      : { status: outcome.status, headers: {}, body: JSON.stringify(outcome.body) };
  response.writeHead(json.status, {
    ...SECURITY_HEADERS,
    ...json.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(json.body),
    // An unread oversized body is not drained: the connection closes instead.
    ...(request.complete ? {} : { Connection: "close" }),
  });
  response.end(json.body);
}
