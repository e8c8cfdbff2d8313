import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import {
  authorize,
  type Receiver,
  startReceiver,
  startTestEmulator,
  type TestEmulator,
} from "../testing/harness";
import { anyWebhookSchema, meetingResponseSchema } from "../testing/protocol-schemas";

// The web-client stand-in driven like a browser: forms, redirects and the pages' names.

let receiver: Receiver;
let emulator: TestEmulator;
let token: string;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startTestEmulator({ registration: { eventUrl: `${receiver.url}/webhook` } });
  token = (await authorize(emulator)).access_token;
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

async function newMeeting(settings: Record<string, unknown>) {
  const response = await emulator.api("POST", "/users/me/meetings", token, {
    topic: "Check-in <Monday>",
    settings,
  });
  return meetingResponseSchema.parse(await response.json());
}

// join_url and start_url use the public URL (localhost); the test talks to where it listens.
function local(url: string) {
  return url.replace(emulator.publicUrl, emulator.url);
}

async function postForm(url: string, fields: Record<string, string>) {
  const response = await fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  return {
    status: response.status,
    location: `${emulator.url}${response.headers.get("location") ?? ""}`,
  };
}

async function page(url: string) {
  return (await fetch(url)).text();
}

describe("join and host pages", () => {
  it("run a visit: host starts, patient waits, host admits, patient leaves, host ends", async () => {
    receiver.requests.length = 0;
    const meeting = await newMeeting({ waiting_room: true });
    const joinForm = await page(`${local(meeting.join_url)}&uname=Pat%20Patient`);
    expect(joinForm).toContain("<h1>Join Check-in &lt;Monday&gt;</h1>");
    expect(joinForm).toContain('<label for="name">Your name</label>');
    expect(joinForm).toContain('value="Pat Patient"');
    expect(joinForm).toContain('<button type="submit">Join</button>');

    const hostStart = await page(local(meeting.start_url));
    expect(hostStart).toContain("<h1>Host Check-in &lt;Monday&gt;</h1>");
    const zak = new URL(meeting.start_url).searchParams.get("zak") ?? "";
    const host = await postForm(`${emulator.url}/s/${meeting.id}`, { zak });
    expect(host.status).toBe(303);
    expect(await page(host.location)).toContain("Nobody is waiting.");

    const patient = await postForm(`${emulator.url}/j/${meeting.id}`, {
      name: "Pat Patient",
      email: "",
      pwd: meeting.encrypted_password,
    });
    const waiting = await page(patient.location);
    expect(waiting).toContain("<h1>Waiting for the host</h1>");
    expect(waiting).toContain("Please wait, the meeting host will let you in soon.");
    expect(waiting).toContain('<meta http-equiv="refresh" content="2" />');
    expect(waiting).toContain('<button type="submit">Leave</button>');

    const hostView = await page(host.location);
    expect(hostView).toContain('<h2 id="waiting-heading">Waiting room</h2>');
    expect(hostView).toContain("Admit Pat Patient</button>");
    expect(hostView).toContain("End meeting for all</button>");
    const participantUuid = /name="participant_uuid"\s+value="([^"]+)"/.exec(hostView)?.[1] ?? "";
    await postForm(`${host.location}/admit`, { participant_uuid: participantUuid });
    expect(await page(patient.location)).toContain("<h1>In meeting: Check-in &lt;Monday&gt;</h1>");
    expect(await page(host.location)).toMatch(/In the meeting[\s\S]*Pat Patient/);

    await postForm(`${patient.location}/leave`, {});
    expect(await page(patient.location)).toContain("<h1>You left the meeting</h1>");
    await postForm(`${host.location}/end`, {});
    expect(await page(host.location)).toContain("<h1>Meeting ended</h1>");

    const events = receiver.requests.map(
      (request) => anyWebhookSchema.parse(JSON.parse(request.body.toString("utf8"))).event,
    );
    expect(events).toEqual([
      "meeting.started",
      "meeting.participant_joined",
      "meeting.participant_joined_waiting_room",
      "meeting.participant_admitted",
      "meeting.participant_joined",
      "meeting.participant_left",
      "meeting.participant_left",
      "meeting.ended",
    ]);
  });

  it("lets people straight in without a waiting room, and ends when the last one leaves", async () => {
    receiver.requests.length = 0;
    const meeting = await newMeeting({ waiting_room: false, join_before_host: true });
    const person = await postForm(`${emulator.url}/j/${meeting.id}`, {
      name: "Solo",
      pwd: meeting.encrypted_password,
    });
    expect(await page(person.location)).toContain('<button type="submit">Leave meeting</button>');
    await postForm(`${person.location}/leave`, {});
    const events = receiver.requests.map(
      (request) => anyWebhookSchema.parse(JSON.parse(request.body.toString("utf8"))).event,
    );
    expect(events).toEqual([
      "meeting.started",
      "meeting.participant_joined",
      "meeting.participant_left",
      "meeting.ended",
    ]);
  });

  it("refuses a wrong pwd, a wrong zak and an unknown meeting", async () => {
    const meeting = await newMeeting({});
    expect((await fetch(`${emulator.url}/j/${meeting.id}?pwd=wrong`)).status).toBe(403);
    expect(
      (await postForm(`${emulator.url}/j/${meeting.id}`, { name: "X", pwd: "wrong" })).status,
    ).toBe(403);
    expect((await fetch(`${emulator.url}/s/${meeting.id}?zak=wrong`)).status).toBe(403);
    expect((await fetch(`${emulator.url}/j/99999999999`)).status).toBe(404);
  });

  it("identifies a registrant who joins through their tk link", async () => {
    receiver.requests.length = 0;
    const meeting = await newMeeting({ waiting_room: true, approval_type: 0 });
    const response = await emulator.api("POST", `/meetings/${meeting.id}/registrants`, token, {
      email: "reg@example.test",
      first_name: "Reggie",
    });
    expect(response.status).toBe(201);
    const registrant = z
      .object({ registrant_id: z.string(), join_url: z.string() })
      .parse(await response.json());
    const tk = new URL(registrant.join_url).searchParams.get("tk") ?? "";
    expect(await page(local(registrant.join_url))).toContain('value="Reggie"');
    await postForm(`${emulator.url}/j/${meeting.id}`, {
      name: "Reggie",
      pwd: meeting.encrypted_password,
      tk,
    });
    const event = z
      .object({
        payload: z.object({
          object: z.object({
            participant: z.object({ registrant_id: z.string(), email: z.string() }),
          }),
        }),
      })
      .parse(JSON.parse(receiver.requests[0]?.body.toString("utf8") ?? "{}"));
    expect(event.payload.object.participant).toEqual({
      ...event.payload.object.participant,
      registrant_id: registrant.registrant_id,
      email: "reg@example.test",
    });
  });
});
