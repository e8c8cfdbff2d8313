import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import {
  authorize,
  basicAuth,
  DEV_CLIENT,
  type Receiver,
  startReceiver,
  startTestEmulator,
  type TestEmulator,
} from "../testing/harness";
import { signWebhook } from "./signature";

// Removing the app (zoom-webhooks.md#app-deauthorized) and the Data Compliance call that may follow
// (zoom-oauth.md#data-compliance).

const SECRET = "deauth-secret";
let receiver: Receiver;
let emulator: TestEmulator;

const deauthorizedSchema = z.strictObject({
  event: z.literal("app_deauthorized"),
  event_ts: z.number(),
  payload: z.strictObject({
    account_id: z.string(),
    user_id: z.string(),
    signature: z.string(),
    deauthorization_time: z.string(),
    client_id: z.string(),
    user_data_retention: z.enum(["true", "false"]),
  }),
});
const stateSchema = z.object({
  accounts: z.array(
    z.object({ id: z.string(), users: z.array(z.object({ id: z.string(), email: z.string() })) }),
  ),
  complianceCalls: z.array(z.object({ at: z.string(), body: z.unknown() })),
});

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startTestEmulator({
    registration: {
      eventUrl: `${receiver.url}/events`,
      deauthorizationUrl: `${receiver.url}/deauthorized`,
      webhookSecretToken: SECRET,
    },
  });
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

describe("POST /_emulator/deauthorize", () => {
  it.each([
    [false, "false"],
    [true, "true"],
  ])(
    "sends app_deauthorized (retention %s) and kills the account's tokens",
    async (retention, expected) => {
      receiver.requests.length = 0;
      const tokens = await authorize(emulator);
      const state = stateSchema.parse((await emulator.control("GET", "/_emulator/state")).body);
      const account = state.accounts[0];
      const result = await emulator.control("POST", "/_emulator/deauthorize", {
        accountId: account?.id,
        userDataRetention: retention,
      });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({
        delivery: { event: "app_deauthorized", delivered: true },
      });
      const [request] = await receiver.waitFor(1);
      expect(request?.url).toBe("/deauthorized");
      const body = request?.body ?? Buffer.alloc(0);
      expect(request?.headers["x-zm-signature"]).toBe(
        signWebhook(SECRET, String(request?.headers["x-zm-request-timestamp"]), body),
      );
      const event = deauthorizedSchema.parse(JSON.parse(body.toString("utf8")));
      expect(event.payload).toMatchObject({
        account_id: account?.id,
        client_id: DEV_CLIENT.id,
        user_data_retention: expected,
      });
      expect(event.payload.user_id).toBe(
        account?.users.find((user) => user.email === "zoom-admin@carevisit.test")?.id,
      );
      expect((await emulator.api("GET", "/users/me", tokens.access_token)).status).toBe(401);
    },
  );
});

describe("POST /oauth/data/compliance", () => {
  it("records the call", async () => {
    const body = {
      client_id: DEV_CLIENT.id,
      user_id: "u1",
      account_id: "a1",
      deauthorization_event_received: { user_data_retention: "false", account_id: "a1" },
      compliance_completed: true,
    };
    const response = await fetch(`${emulator.url}/oauth/data/compliance`, {
      method: "POST",
      headers: {
        authorization: basicAuth(DEV_CLIENT.id, DEV_CLIENT.secret),
        "content-type": "application/json",
      },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    const state = stateSchema.parse((await emulator.control("GET", "/_emulator/state")).body);
    expect(state.complianceCalls.at(-1)?.body).toEqual(body);
    const unauthorized = await fetch(`${emulator.url}/oauth/data/compliance`, {
      method: "POST",
      body: JSON.stringify(body),
    });
    expect(unauthorized.status).toBe(401);
  });
});
