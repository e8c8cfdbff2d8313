import http from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/db";
import { SECURITY_HEADERS } from "@/lib/server/security-headers";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { TEST_ZOOM_WEBHOOK_SECRET } from "@/tests/support/zoom-emulator-process";
import { signZoomPayload } from "@/lib/zoom/webhook/verify-signature";

// serveZoomWebhook over real HTTP, as the production server runs it: what only HTTP can get wrong
// (bodies, headers, connections). What the handler decides is tested in handle-zoom-webhook.int.test.ts.

withZoomEmulator();

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.stop());

const unique = () => Math.floor(Math.random() * 1e12);
const eventBody = (padding = "") =>
  JSON.stringify({
    event: "meeting.sharing_started",
    event_ts: Date.now() + unique(),
    payload: { account_id: "acc-http", object: { id: String(unique()), padding } },
  });

function signatureHeaders(body: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    "x-zm-request-timestamp": timestamp,
    "x-zm-signature": signZoomPayload(TEST_ZOOM_WEBHOOK_SECRET, timestamp, body),
  };
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A raw POST: `chunks` are written one by one, so the body need not announce its length. */
function post(
  headers: http.OutgoingHttpHeaders,
  chunks: string[],
  options: { abortAfterFirstChunk?: boolean; keepOpen?: boolean } = {},
): Promise<Answer | "aborted"> {
  return new Promise((resolve, reject) => {
    const request = http.request(receiver.url, { method: "POST", headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.on("error", (error) =>
      options.abortAfterFirstChunk ? resolve("aborted") : reject(error),
    );
    const [first, ...rest] = chunks;
    request.write(first ?? "");
    if (options.abortAfterFirstChunk) {
      setTimeout(() => request.destroy(), 50);
      return;
    }
    for (const chunk of rest) request.write(chunk);
    if (!options.keepOpen) request.end();
  });
}

const notifications = () => db.inboundNotification.count();

describe("serveZoomWebhook", () => {
  it("stores a signed delivery and answers JSON with the security headers", async () => {
    const before = await notifications();
    const body = eventBody();
    const answer = await post({ "content-type": "application/json", ...signatureHeaders(body) }, [
      body,
    ]);
    expect(answer).toMatchObject({ status: 200, body: JSON.stringify({ status: "ignored" }) });
    if (answer === "aborted") throw new Error("unreachable");
    expect(answer.headers["content-type"]).toBe("application/json");
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(answer.headers[name.toLowerCase()]).toBe(value);
    expect(await notifications()).toBe(before + 1);
  });

  it("reads a body sent in pieces without a length", async () => {
    const body = eventBody();
    const middle = Math.floor(body.length / 2);
    const answer = await post(signatureHeaders(body), [body.slice(0, middle), body.slice(middle)]);
    expect(answer).toMatchObject({ status: 200 });
  });

  it("refuses a body announced larger than 64 KB without reading it, and closes the connection", async () => {
    const before = await notifications();
    const answer = await post(
      { "content-length": String(64 * 1024 + 1), ...signatureHeaders(eventBody()) },
      ["{"],
      {},
    );
    expect(answer).toMatchObject({ status: 413, headers: { connection: "close" } });
    expect(await notifications()).toBe(before);
  });

  it("refuses an unannounced body as soon as it passes 64 KB, before it ends", async () => {
    const before = await notifications();
    const body = eventBody("x".repeat(1024 * 1024));
    const answer = await post(
      signatureHeaders(body),
      [body.slice(0, 600_000), body.slice(600_000)],
      { keepOpen: true }, // never ended: only a server that stops reading can answer
    );
    expect(answer).toMatchObject({ status: 413 });
    if (answer === "aborted") throw new Error("unreachable");
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: "bad_request", message: "Body larger than 64 KB" },
    });
    expect(await notifications()).toBe(before);
  });

  it("refuses a delivery whose signature header comes twice", async () => {
    const body = eventBody();
    const { "x-zm-signature": signature, ...rest } = signatureHeaders(body);
    const answer = await post({ ...rest, "x-zm-signature": [signature, signature] }, [body]);
    expect(answer).toMatchObject({ status: 401 });
  });

  it("stores nothing when the client goes away mid-body, and keeps serving", async () => {
    const before = await notifications();
    const body = eventBody();
    const aborted = await post(
      { "content-length": String(body.length), ...signatureHeaders(body) },
      [body.slice(0, 10), body.slice(10)],
      { abortAfterFirstChunk: true },
    );
    expect(aborted).toBe("aborted");
    expect(await notifications()).toBe(before);
    const next = eventBody();
    expect(await post(signatureHeaders(next), [next])).toMatchObject({ status: 200 });
  });
});
