import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/db";
import { TEST_ZOOM_WEBHOOK_SECRET } from "@/tests/support/zoom-emulator-process";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { handleZoomWebhook } from "@/lib/zoom/webhook/handle-zoom-webhook";
import { signZoomPayload } from "@/lib/zoom/webhook/verify-signature";

const context = withZoomEmulator({ receiveWebhooks: true });

function signed(body: string, options: { secret?: string; timestamp?: number } = {}) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headers = new Headers({
    "x-zm-request-timestamp": timestamp,
    "x-zm-signature": signZoomPayload(options.secret ?? TEST_ZOOM_WEBHOOK_SECRET, timestamp, body),
    "content-type": "application/json",
  });
  return { rawBody: body, headers };
}

const unique = () => Math.floor(Math.random() * 1e12);
const event = (name: string, payload: object) =>
  JSON.stringify({ event: name, event_ts: Date.now() + unique(), payload });

describe("handleZoomWebhook", () => {
  it("answers Zoom's URL validation as Zoom checks it", async () => {
    const result = await context.zoom.control<{ ok: boolean }>("POST", "/webhooks/validate");
    expect(result.ok).toBe(true);
  });

  it("stores an unknown event once and acknowledges duplicates", async () => {
    const body = event("meeting.sharing_started", {
      account_id: "acc-unknown",
      object: { id: String(unique()) },
    });
    expect(await handleZoomWebhook(signed(body))).toEqual({
      status: 200,
      body: { status: "ignored" },
    });
    expect(await handleZoomWebhook(signed(body))).toEqual({
      status: 200,
      body: { status: "duplicate" },
    });
    const reordered = JSON.stringify(
      Object.fromEntries(Object.entries(JSON.parse(body) as object).reverse()),
    );
    expect(await handleZoomWebhook(signed(reordered))).toEqual({
      status: 200,
      body: { status: "duplicate" },
    });
    expect(
      await db.inboundNotification.count({
        where: {
          eventType: "meeting.sharing_started",
          payload: {
            path: ["object", "id"],
            equals: (JSON.parse(body) as { payload: { object: { id: string } } }).payload.object.id,
          },
        },
      }),
    ).toBe(1);
  });

  it.each([
    ["a wrong secret", () => signed(event("meeting.started", {}), { secret: "wrong" }), 401],
    [
      "a stale timestamp",
      () =>
        signed(event("meeting.started", {}), { timestamp: Math.floor(Date.now() / 1000) - 400 }),
      401,
    ],
    [
      "a future timestamp",
      () =>
        signed(event("meeting.started", {}), { timestamp: Math.floor(Date.now() / 1000) + 400 }),
      401,
    ],
    [
      "no signature",
      () => ({ rawBody: event("meeting.started", {}), headers: new Headers() }),
      401,
    ],
    [
      "a tampered body",
      () => ({
        ...signed(event("meeting.started", { a: 1 })),
        rawBody: event("meeting.started", { a: 2 }),
      }),
      401,
    ],
    ["invalid JSON", () => signed("{not json"), 400],
    ["a JSON array", () => signed("[]"), 400],
    ["a missing event name", () => signed(JSON.stringify({ event_ts: 1, payload: {} })), 400],
    [
      "a string event_ts",
      () => signed(JSON.stringify({ event: "meeting.started", event_ts: "1", payload: {} })),
      400,
    ],
    ["a validation without a token", () => signed(event("endpoint.url_validation", {})), 400],
    [
      "a deauthorization without an account",
      () => signed(event("app_deauthorized", { user_data_retention: "false" })),
      400,
    ],
    [
      "a 1 MB body",
      () => signed(event("meeting.started", { padding: "x".repeat(1024 * 1024) })),
      413,
    ],
  ])("refuses %s, and stores nothing", async (_name, makeRequest, status) => {
    const before = await db.inboundNotification.count();
    const outcome = await handleZoomWebhook(makeRequest());
    expect(outcome.status).toBe(status);
    expect(outcome.body).toHaveProperty("error.message");
    expect(await db.inboundNotification.count()).toBe(before);
  });
});
