import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import {
  authorize,
  eventually,
  type Receiver,
  startReceiver,
  startTestEmulator,
  type TestEmulator,
} from "../testing/harness";
import {
  anyWebhookSchema,
  meetingResponseSchema,
  webhookSchemas,
} from "../testing/protocol-schemas";
import { encryptPlainToken, signWebhook } from "./signature";

// Deliveries as a receiver sees them: exact shapes, headers and a signature over the exact bytes
// (zoom-webhooks.md#delivery, zoom-webhooks.md#signature, zoom-webhooks.md#payloads), plus URL
// validation (zoom-webhooks.md#url-validation).

const SECRET = "test-webhook-secret";
let receiver: Receiver;
let emulator: TestEmulator;
let token: string;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startTestEmulator({
    registration: { eventUrl: `${receiver.url}/webhook`, webhookSecretToken: SECRET },
  });
  token = (await authorize(emulator)).access_token;
});
afterEach(() => {
  receiver.requests.length = 0;
  receiver.respond = () => ({ status: 200, body: "{}" });
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

async function newMeeting(settings: Record<string, unknown> = { waiting_room: true }) {
  const response = await emulator.api("POST", "/users/me/meetings", token, {
    topic: "Visit with Zoë 👋",
    settings,
  });
  return meetingResponseSchema.parse(await response.json());
}

const deliveryLogSchema = z.array(
  z.object({
    id: z.string(),
    kind: z.enum(["webhook", "epic"]),
    event: z.string(),
    url: z.string(),
    body: z.string().nullable(),
    delivered: z.boolean(),
    state: z.string(),
    attempts: z.array(
      z.object({ at: z.string(), status: z.number().optional(), error: z.string().optional() }),
    ),
  }),
);

async function readStartedLog() {
  const log = await emulator.control("GET", "/_emulator/deliveries?event=meeting.started");
  return deliveryLogSchema.parse(log.body);
}

const participantResultSchema = z.object({
  participant_uuid: z.string(),
  user_id: z.string(),
  deliveries: z.array(z.object({ id: z.string(), delivered: z.boolean() })),
});

async function simulate(meetingId: number, body: Record<string, unknown>) {
  const result = await emulator.control(
    "POST",
    `/_emulator/meetings/${meetingId}/participants`,
    body,
  );
  expect(result.status).toBe(200);
  return participantResultSchema.parse(result.body);
}

function events() {
  return receiver.requests.map((request) =>
    anyWebhookSchema.parse(JSON.parse(request.body.toString("utf8"))),
  );
}

describe("meeting webhooks", () => {
  it("are signed over the exact bytes and carry Zoom's headers", async () => {
    const meeting = await newMeeting();
    await simulate(meeting.id, {
      action: "join_waiting_room",
      name: "Zoë Ünal 👋",
      email: "zoe@example.test",
      customerKey: "patient-42",
    });
    const [request] = await receiver.waitFor(1);
    if (!request) throw new Error("no request");
    const timestamp = String(request.headers["x-zm-request-timestamp"]);
    expect(timestamp).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(request.headers["x-zm-signature"]).toBe(signWebhook(SECRET, timestamp, request.body));
    expect(request.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(request.headers["user-agent"]).toBe("Zoom Marketplace/1.0a");
    expect(request.headers.clientid).toBe("carevisit-dev-client");
    expect(request.headers["x-zm-trackingid"]).toBeTruthy();
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/webhook");
    const event = webhookSchemas["meeting.participant_joined_waiting_room"].parse(
      JSON.parse(request.body.toString("utf8")),
    );
    expect(event.payload.object.id).toBe(String(meeting.id));
    expect(event.payload.object.uuid).toBe(meeting.uuid);
    expect(event.payload.object.participant).toMatchObject({
      user_name: "Zoë Ünal 👋",
      id: "",
      customer_key: "patient-42",
      email: "zoe@example.test",
    });
    expect(Math.abs(event.event_ts - Date.now())).toBeLessThan(5000);
  });

  it("follow a visit: waiting room, start, admit, leave, end, with exact shapes", async () => {
    const meeting = await newMeeting();
    const patient = await simulate(meeting.id, {
      action: "join_waiting_room",
      name: "Pat",
      customerKey: "p-1",
    });
    await emulator.control("POST", `/_emulator/meetings/${meeting.id}/start`);
    const admitted = await simulate(meeting.id, {
      action: "admit",
      participantUuid: patient.participant_uuid,
    });
    expect(patient.participant_uuid).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
    );
    expect(admitted.participant_uuid).toBe(patient.participant_uuid);
    await simulate(meeting.id, { action: "leave", customerKey: "p-1" });
    const rejoined = await simulate(meeting.id, {
      action: "join",
      name: "Pat",
      customerKey: "p-1",
    });
    expect(rejoined.participant_uuid).toBe(patient.participant_uuid);
    expect(rejoined.user_id).not.toBe(admitted.user_id);
    await emulator.control("POST", `/_emulator/meetings/${meeting.id}/end`);

    const received = events();
    expect(received.map((event) => event.event)).toEqual([
      "meeting.participant_joined_waiting_room",
      "meeting.started",
      "meeting.participant_admitted",
      "meeting.participant_joined",
      "meeting.participant_left",
      "meeting.participant_joined",
      "meeting.participant_left",
      "meeting.ended",
    ]);
    for (const event of received) {
      const schema = Object.entries(webhookSchemas).find(([name]) => name === event.event)?.[1];
      expect(schema).toBeDefined();
      expect(schema?.safeParse(event).error).toBeUndefined();
    }
    const stamps = received.map((event) => event.event_ts);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it("reports a Zoom user of the account with their user id", async () => {
    const meeting = await newMeeting({ waiting_room: false });
    const me = z
      .object({ id: z.string() })
      .parse(await (await emulator.api("GET", "/users/provider@carevisit.test", token)).json());
    await simulate(meeting.id, { action: "join", name: "Priya Shah", zoomUserId: me.id });
    const joined = events().find((event) => event.event === "meeting.participant_joined");
    const parsed = webhookSchemas["meeting.participant_joined"].parse(joined);
    expect(parsed.payload.object.participant).toMatchObject({
      id: me.id,
      participant_user_id: me.id,
    });
  });

  it("retry on failure with the configured delays, re-signed, same body", async () => {
    await emulator.close();
    emulator = await startTestEmulator({
      registration: { eventUrl: `${receiver.url}/webhook`, webhookSecretToken: SECRET },
      webhookRetryDelaysMs: [50, 50, 50],
    });
    token = (await authorize(emulator)).access_token;
    let calls = 0;
    receiver.respond = () => ({ status: (calls += 1) <= 2 ? 500 : 200 });
    const meeting = await newMeeting();
    const started = await emulator.control("POST", `/_emulator/meetings/${meeting.id}/start`);
    expect(started.status).toBe(200);
    const attempts = await receiver.waitFor(3);
    expect(new Set(attempts.map((request) => request.body.toString("utf8"))).size).toBe(1);
    for (const request of attempts) {
      expect(request.headers["x-zm-signature"]).toBe(
        signWebhook(SECRET, String(request.headers["x-zm-request-timestamp"]), request.body),
      );
    }
    const log = await eventually(readStartedLog, (entries) => entries[0]?.state !== "pending");
    expect(log[0]?.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
    expect(log[0]).toMatchObject({ kind: "webhook", delivered: true, state: "delivered" });
  });

  it("give up after the last retry, and treat no answer within the timeout as a failure", async () => {
    await emulator.close();
    emulator = await startTestEmulator({
      registration: { eventUrl: `${receiver.url}/webhook`, webhookSecretToken: SECRET },
      webhookRetryDelaysMs: [20, 20],
      webhookTimeoutMs: 100,
    });
    token = (await authorize(emulator)).access_token;
    receiver.respond = () => ({ status: 200, delayMs: 300 });
    const meeting = await newMeeting();
    await emulator.control("POST", `/_emulator/meetings/${meeting.id}/start`);
    const log = await eventually(readStartedLog, (entries) => entries[0]?.state !== "pending");
    expect(log[0]?.attempts).toHaveLength(3);
    expect(
      log[0]?.attempts.every((attempt) => attempt.error?.includes("No answer within 100 ms")),
    ).toBe(true);
    expect(log[0]).toMatchObject({ delivered: false, state: "dropped" });
  });

  it("are not sent for accounts that have not installed the app", async () => {
    const other = await emulator.control("POST", "/_emulator/accounts", {
      name: "No App Clinic",
      users: [{ email: "owner@noapp.test", first_name: "Nora", last_name: "Noapp", role: "Owner" }],
    });
    expect(other.status).toBe(201);
    const tokens = await authorize(emulator, { userEmail: "owner@noapp.test" });
    const meeting = meetingResponseSchema.parse(
      await (await emulator.api("POST", "/users/me/meetings", tokens.access_token, {})).json(),
    );
    const revoke = await fetch(`${emulator.url}/oauth/revoke?token=${tokens.access_token}`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("carevisit-dev-client:carevisit-dev-secret").toString("base64")}`,
      },
    });
    expect(revoke.status).toBe(200);
    const result = await emulator.control("POST", `/_emulator/meetings/${meeting.id}/start`);
    expect(z.object({ deliveries: z.array(z.unknown()) }).parse(result.body).deliveries).toEqual(
      [],
    );
  });
});

describe("POST /_emulator/webhooks/validate", () => {
  it("reports ok when the receiver answers the challenge correctly", async () => {
    receiver.respond = (request) => {
      const body = z
        .object({
          event: z.literal("endpoint.url_validation"),
          payload: z.object({ plainToken: z.string() }),
        })
        .parse(JSON.parse(request.body.toString("utf8")));
      const plainToken = body.payload.plainToken;
      return {
        status: 200,
        body: JSON.stringify({ plainToken, encryptedToken: encryptPlainToken(SECRET, plainToken) }),
      };
    };
    const result = await emulator.control("POST", "/_emulator/webhooks/validate");
    expect(result.body).toMatchObject({ ok: true, status: 200 });
    const [request] = await receiver.waitFor(1);
    expect(request?.headers["x-zm-signature"]).toBe(
      signWebhook(
        SECRET,
        String(request?.headers["x-zm-request-timestamp"]),
        request?.body ?? Buffer.alloc(0),
      ),
    );
  });

  it("reports not ok for a wrong answer", async () => {
    receiver.respond = () => ({
      status: 200,
      body: JSON.stringify({ plainToken: "x", encryptedToken: "y" }),
    });
    const result = await emulator.control("POST", "/_emulator/webhooks/validate");
    expect(result.body).toMatchObject({
      ok: false,
      status: 200,
      body: { plainToken: "x", encryptedToken: "y" },
    });
  });
});
