import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { authorize, startTestEmulator, type TestEmulator } from "../testing/harness";
import { meetingResponseSchema, restErrorSchema } from "../testing/protocol-schemas";

// Meetings CRUD (zoom-rest.md#meetings): number ids, UUIDs, URLs, settings, 204s and 404 code 3001.

let emulator: TestEmulator;
let token: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  token = (await authorize(emulator)).access_token;
});
afterAll(async () => {
  await emulator.close();
});

async function createMeeting(body: Record<string, unknown>, user = "me") {
  const response = await emulator.api("POST", `/users/${user}/meetings`, token, body);
  expect(response.status).toBe(201);
  const raw: unknown = await response.json();
  return { raw, meeting: meetingResponseSchema.parse(raw) };
}

describe("POST /users/{userId}/meetings", () => {
  it("returns the full create response with a numeric id", async () => {
    const { raw, meeting } = await createMeeting({
      topic: "Follow-up visit",
      type: 2,
      start_time: "2030-03-10T09:30:00",
      timezone: "America/Chicago",
      duration: 30,
      agenda: "Blood pressure review",
      settings: {
        waiting_room: true,
        join_before_host: false,
        approval_type: 2,
        audio: "both",
        custom_flag: "kept",
      },
    });
    // A JSON number here, although webhooks carry the id as a string (zoom-rest.md#meeting-ids).
    expect(typeof z.object({ id: z.unknown() }).parse(raw).id).toBe("number");
    expect(String(meeting.id)).toMatch(/^\d{11}$/);
    expect(meeting.uuid).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(meeting.uuid).toContain("/");
    expect(meeting).toMatchObject({
      topic: "Follow-up visit",
      type: 2,
      status: "waiting",
      duration: 30,
      timezone: "America/Chicago",
    });
    // 09:30 in Chicago on 10 March 2030 (CDT, UTC-5) is 14:30 UTC.
    expect(meeting.start_time).toBe("2030-03-10T14:30:00Z");
    expect(meeting.host_email).toBe("zoom-admin@carevisit.test");
    expect(meeting.join_url).toBe(
      `${emulator.publicUrl}/j/${meeting.id}?pwd=${meeting.encrypted_password}`,
    );
    expect(meeting.start_url).toMatch(
      new RegExp(`^${emulator.publicUrl}/s/${meeting.id}\\?zak=.+`),
    );
    expect(meeting.password).not.toBe("");
    expect(meeting.settings).toMatchObject({
      waiting_room: true,
      join_before_host: false,
      host_video: false,
      mute_upon_entry: false,
      auto_recording: "none",
      meeting_authentication: false,
      custom_flag: "kept",
    });
  });

  it("accepts a UTC start time and a host given by email", async () => {
    const { meeting } = await createMeeting(
      { topic: "UTC", start_time: "2030-01-01T10:00:00Z" },
      "provider@carevisit.test",
    );
    expect(meeting.start_time).toBe("2030-01-01T10:00:00Z");
    expect(meeting.host_email).toBe("provider@carevisit.test");
  });

  it("answers 400 code 300 for invalid fields and 404 code 1001 for an unknown host", async () => {
    const bad = await emulator.api("POST", "/users/me/meetings", token, {
      type: 5,
      settings: { waiting_room: "yes" },
    });
    expect(bad.status).toBe(400);
    expect(restErrorSchema.parse(await bad.json()).code).toBe(300);
    const badTime = await emulator.api("POST", "/users/me/meetings", token, {
      start_time: "tomorrow",
    });
    expect(badTime.status).toBe(400);
    const unknown = await emulator.api("POST", "/users/nobody@carevisit.test/meetings", token, {});
    expect(unknown.status).toBe(404);
    expect(restErrorSchema.parse(await unknown.json()).code).toBe(1001);
  });

  it("gives two out of three UUIDs a leading '/' or a '//'", async () => {
    const uuids = [];
    for (let index = 0; index < 3; index += 1)
      uuids.push((await createMeeting({ topic: `u${index}` })).meeting.uuid);
    expect(uuids.filter((uuid) => uuid.startsWith("/") || uuid.includes("//"))).toHaveLength(2);
  });
});

describe("GET, PATCH and DELETE /meetings/{meetingId}", () => {
  it("reads, updates (204) and deletes (204) a meeting", async () => {
    const { meeting } = await createMeeting({
      topic: "Initial",
      settings: { waiting_room: false },
    });
    const read = meetingResponseSchema.parse(
      await (await emulator.api("GET", `/meetings/${meeting.id}`, token)).json(),
    );
    expect(read).toMatchObject({
      id: meeting.id,
      uuid: meeting.uuid,
      status: "waiting",
      topic: "Initial",
    });

    const patched = await emulator.api("PATCH", `/meetings/${meeting.id}`, token, {
      topic: "Renamed",
      duration: 45,
      settings: { waiting_room: true },
    });
    expect(patched.status).toBe(204);
    expect(await patched.text()).toBe("");
    const after = meetingResponseSchema.parse(
      await (await emulator.api("GET", `/meetings/${meeting.id}`, token)).json(),
    );
    expect(after).toMatchObject({ topic: "Renamed", duration: 45 });
    expect(after.settings).toMatchObject({ waiting_room: true, host_video: false });

    const deleted = await emulator.api("DELETE", `/meetings/${meeting.id}`, token);
    expect(deleted.status).toBe(204);
    const gone = await emulator.api("GET", `/meetings/${meeting.id}`, token);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({
      code: 3001,
      message: `Meeting does not exist: ${meeting.id}.`,
    });
  });

  it("answers 404 code 3001 for unknown, non-numeric and other accounts' meetings", async () => {
    for (const id of ["12345678901", "not-a-number"]) {
      const response = await emulator.api("GET", `/meetings/${id}`, token);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        code: 3001,
        message: `Meeting does not exist: ${id}.`,
      });
    }
    expect(
      (await emulator.api("PATCH", "/meetings/12345678901", token, { topic: "x" })).status,
    ).toBe(404);
    expect((await emulator.api("DELETE", "/meetings/12345678901", token)).status).toBe(404);
  });

  it("refuses to delete a meeting in progress (400 code 3002)", async () => {
    const { meeting } = await createMeeting({ topic: "Live" });
    await emulator.control("POST", `/_emulator/meetings/${meeting.id}/start`);
    const response = await emulator.api("DELETE", `/meetings/${meeting.id}`, token);
    expect(response.status).toBe(400);
    expect(restErrorSchema.parse(await response.json()).code).toBe(3002);
    const live = meetingResponseSchema.parse(
      await (await emulator.api("GET", `/meetings/${meeting.id}`, token)).json(),
    );
    expect(live.status).toBe("started");
  });
});

describe("per-user daily cap", () => {
  it("answers the 101st meeting create/update of the day with 429 and an ISO Retry-After", async () => {
    const user = "member@carevisit.test";
    const { meeting } = await createMeeting({ topic: "cap" }, user);
    for (let index = 1; index < 100; index += 1) {
      const response = await emulator.api("PATCH", `/meetings/${meeting.id}`, token, {
        agenda: String(index),
      });
      expect(response.status).toBe(204);
    }
    const capped = await emulator.api("POST", `/users/${user}/meetings`, token, {
      topic: "one too many",
    });
    expect(capped.status).toBe(429);
    expect(restErrorSchema.parse(await capped.json()).code).toBe(429);
    expect(capped.headers.get("retry-after")).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    await emulator.control("POST", "/_emulator/clock", { advanceSeconds: 24 * 3600 });
    token = (await authorize(emulator)).access_token; // the old one expired with the day
    expect(
      (await emulator.api("POST", `/users/${user}/meetings`, token, { topic: "next day" })).status,
    ).toBe(201);
  });
});
