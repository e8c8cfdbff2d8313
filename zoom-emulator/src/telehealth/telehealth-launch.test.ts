import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import {
  authorize,
  type Receiver,
  startReceiver,
  startTestEmulator,
  type TestEmulator,
} from "../testing/harness";
import { anyWebhookSchema, webhookSchemas } from "../testing/protocol-schemas";
import { encryptTelehealthData } from "./telehealth-crypto";

// The Epic-style launch (telehealth-urls.md#launch-url-and-plaintext,
// telehealth-urls.md#encryption) and its join/leave notifications
// (telehealth-notifications.md#request).

const API_KEY = "test-org";
const API_SECRET = "test-telehealth-secret";
let receiver: Receiver;
let emulator: TestEmulator;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startTestEmulator({
    registration: {
      eventUrl: `${receiver.url}/webhook`,
      telehealth: { apiKey: API_KEY, apiSecret: API_SECRET },
      epicNotification: {
        url: `${receiver.url}/epic/status?static=1`,
        username: "emp$carevisit",
        password: "s3cret",
        externalIdType: "2",
      },
    },
  });
  await authorize(emulator);
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

function launchUrl(plaintext: string, orgId = API_KEY) {
  const data = encodeURIComponent(encryptTelehealthData(plaintext, API_SECRET));
  return `${emulator.url}/telehealth?org_id=${orgId}&data=${data}`;
}

async function launch(plaintext: string) {
  const response = await fetch(launchUrl(plaintext), { redirect: "manual" });
  expect(response.status).toBe(303);
  return `${emulator.url}${response.headers.get("location") ?? ""}`;
}

const webhooks = () =>
  receiver.requests
    .filter((request) => request.url === "/webhook")
    .map((request) => anyWebhookSchema.parse(JSON.parse(request.body.toString("utf8"))));
const epicCalls = () => receiver.requests.filter((request) => request.url.startsWith("/epic/"));

describe("GET /telehealth", () => {
  it("starts the meeting for the provider and puts the patient in the waiting room", async () => {
    const providerPage = await launch(
      "usertype=1&sessionid=visit-1&userid=dr-9&firstname=Priya&lastname=Shah",
    );
    expect(await (await fetch(providerPage)).text()).toContain("In meeting: Telehealth visit");
    const patientPage = await launch(
      "userid=pt-5&usertype=2&sessionid=visit-1&firstname=Ed&lastname=Mercer&email=ed@example.test",
    );
    const waiting = await (await fetch(patientPage)).text();
    expect(waiting).toContain("<h1>Waiting for the host</h1>");
    expect(waiting).toContain("Please wait, the meeting host will let you in soon.");

    const received = webhooks();
    expect(received.map((event) => event.event)).toEqual([
      "meeting.started",
      "meeting.participant_joined",
      "meeting.participant_joined_waiting_room",
    ]);
    const joined = webhookSchemas["meeting.participant_joined"].parse(received[1]);
    expect(joined.payload.object.participant).toMatchObject({
      customer_key: "dr-9",
      user_name: "Priya Shah",
    });
    const waitingEvent = webhookSchemas["meeting.participant_joined_waiting_room"].parse(
      received[2],
    );
    expect(waitingEvent.payload.object.participant).toMatchObject({
      customer_key: "pt-5",
      email: "ed@example.test",
      id: "",
    });

    const state = z
      .object({ telehealthSessions: z.record(z.string(), z.number()) })
      .parse((await emulator.control("GET", "/_emulator/state")).body);
    expect(state.telehealthSessions["visit-1"]).toBe(Number(joined.payload.object.id));
  });

  it("reuses the meeting of a session and sends Epic-style GETs with Basic auth", async () => {
    receiver.requests.length = 0;
    const patientPage = await launch("usertype=2&sessionid=visit-2&userid=pt-6");
    await launch("usertype=1&sessionid=visit-2&userid=dr-1");
    const again = await launch("usertype=2&sessionid=visit-2&userid=pt-6");
    expect(again).toBe(patientPage);
    const leave = await fetch(`${patientPage}/leave`, { method: "POST", redirect: "manual" });
    expect(leave.status).toBe(303);

    const calls = epicCalls();
    expect(calls).toHaveLength(3);
    const [patientJoined, providerJoined, patientLeft] = calls.map(
      (request) => new URL(request.url, "http://x"),
    );
    expect(Object.fromEntries(patientJoined?.searchParams ?? [])).toEqual({
      static: "1",
      ExternalIDType: "2",
      VendorName: "Zoom",
      ExternalID: "pt-6",
      ConferenceID: "visit-2",
      ConnectionStatus: "1",
    });
    expect(providerJoined?.searchParams.get("ExternalID")).toBe("dr-1");
    expect(patientLeft?.searchParams.get("ConnectionStatus")).toBe("2");
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from("emp$carevisit:s3cret").toString("base64")}`,
    );
    const log = z
      .array(z.object({ kind: z.string(), delivered: z.boolean() }))
      .parse((await emulator.control("GET", "/_emulator/deliveries?kind=epic")).body);
    expect(log.length).toBeGreaterThanOrEqual(3);
    expect(log.every((delivery) => delivery.delivered)).toBe(true);
  });

  it("shows an error page for an unknown org_id or undecryptable data", async () => {
    const unknownOrg = await fetch(launchUrl("usertype=1&sessionid=s&userid=u", "other-org"));
    expect(unknownOrg.status).toBe(400);
    expect(await unknownOrg.text()).toContain("Unknown org_id");
    const data = encryptTelehealthData("usertype=1&sessionid=s&userid=u", "wrong-secret");
    const garbled = await fetch(
      `${emulator.url}/telehealth?org_id=${API_KEY}&data=${encodeURIComponent(data)}`,
    );
    expect(garbled.status).toBe(400);
    // A "+" left unencoded in the query arrives as a space, so the data no longer decrypts.
    let plaintext = "";
    for (let index = 0; !encryptTelehealthData(plaintext, API_SECRET).includes("+"); index += 1) {
      plaintext = `usertype=2&sessionid=s&userid=u&firstname=${index}`;
    }
    const raw = encryptTelehealthData(plaintext, API_SECRET)
      .replaceAll("/", "%2F")
      .replaceAll("=", "%3D");
    const unencoded = await fetch(`${emulator.url}/telehealth?org_id=${API_KEY}&data=${raw}`);
    expect(unencoded.status).toBe(400);
  });
});
