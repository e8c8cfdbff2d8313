import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import type { InboundOutcome } from "@/lib/inbound/inbound-outcome";
import { nodeBodySource } from "@/lib/inbound/read-body-capped";
import { toErrorResponse } from "@/lib/server/http";
import { SECURITY_HEADERS } from "@/lib/server/security-headers";
import { receiveZoomWebhook } from "@/lib/zoom/webhook/handle-zoom-webhook";

// POST /api/zoom/webhook on Node's own request and response: what app/api/zoom/webhook/route.ts
// does, without building a web Request. The production server answers Zoom's deliveries with it
// (lib/server/direct-routes.ts); integration tests receive the emulator's deliveries with it.

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else value?.forEach((item) => headers.append(name, item));
  }
  return headers;
}

type Answer = { status: number; headers: Record<string, string>; body: string };

async function answerOf(outcome: InboundOutcome | Response): Promise<Answer> {
  if (outcome instanceof Response)
    return {
      status: outcome.status,
      headers: Object.fromEntries(outcome.headers),
      body: await outcome.text(),
    };
  return { status: outcome.status, headers: {}, body: JSON.stringify(outcome.body) };
}

/** The answer, or null when the client went away before its body arrived. */
async function answerZoomWebhook(request: IncomingMessage): Promise<Answer | null> {
  let outcome: InboundOutcome;
  try {
    outcome = await receiveZoomWebhook(nodeBodySource(request), headersOf(request));
  } catch (error) {
    if (!request.complete) return null; // the body never arrived in full
    return answerOf(toErrorResponse(error));
  }
  return answerOf(outcome);
}

export async function serveZoomWebhook(
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const answer = await answerZoomWebhook(request);
  if (!answer || response.destroyed) return void response.destroy();
  response.writeHead(answer.status, {
    ...SECURITY_HEADERS,
    ...answer.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(answer.body),
    // An unread oversized body is not drained: the connection closes instead.
    ...(request.complete ? {} : { Connection: "close" }),
  });
  response.end(answer.body);
}
