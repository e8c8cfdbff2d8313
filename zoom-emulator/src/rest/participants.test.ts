import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { authorize, startTestEmulator, type TestEmulator } from "../testing/harness";
import { meetingResponseSchema } from "../testing/protocol-schemas";

// Past-meeting participants and the participants report, addressed by double-encoded UUID or by
// meeting number (zoom-rest.md#participant-reports).

let emulator: TestEmulator;
let token: string;

const reportSchema = z.object({
  page_count: z.number(),
  page_size: z.number(),
  total_records: z.number(),
  next_page_token: z.string(),
  participants: z.array(
    z.strictObject({
      customer_key: z.string(),
      duration: z.number(),
      failover: z.boolean(),
      id: z.string(),
      join_time: z.string(),
      leave_time: z.string(),
      name: z.string(),
      registrant_id: z.string(),
      status: z.enum(["in_meeting", "in_waiting_room"]),
      user_email: z.string(),
      user_id: z.string(),
      bo_mtg_id: z.string(),
      participant_user_id: z.string(),
    }),
  ),
});
const pastSchema = z.object({
  total_records: z.number(),
  participants: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      user_id: z.string(),
      registrant_id: z.string(),
      user_email: z.string(),
      join_time: z.string(),
      leave_time: z.string(),
      duration: z.number(),
      failover: z.boolean(),
      status: z.string(),
      internal_user: z.boolean(),
    }),
  ),
});

beforeAll(async () => {
  emulator = await startTestEmulator();
  token = (await authorize(emulator)).access_token;
});
afterAll(async () => {
  await emulator.close();
});

// Creates meetings until one has a UUID that needs double encoding.
async function meetingWithAwkwardUuid() {
  for (;;) {
    const response = await emulator.api("POST", "/users/me/meetings", token, {
      topic: "Report",
      settings: { waiting_room: true },
    });
    const meeting = meetingResponseSchema.parse(await response.json());
    if (meeting.uuid.startsWith("/") || meeting.uuid.includes("//")) return meeting;
  }
}

async function runVisit(meetingId: number) {
  const call = (body: Record<string, unknown>) =>
    emulator.control("POST", `/_emulator/meetings/${meetingId}/participants`, body);
  await call({
    action: "join_waiting_room",
    name: "Pat Patient",
    customerKey: "patient-7",
    email: "pat@example.test",
  });
  await call({ action: "admit", customerKey: "patient-7" });
  await call({ action: "join", name: "Dr Who", customerKey: "provider-3" });
  await emulator.control("POST", "/_emulator/clock", { advanceSeconds: 120 });
  await call({ action: "leave", customerKey: "patient-7" });
  await emulator.control("POST", `/_emulator/meetings/${meetingId}/end`);
}

describe("participants endpoints", () => {
  it("need double encoding for a UUID with a leading '/' or a '//'", async () => {
    const meeting = await meetingWithAwkwardUuid();
    await runVisit(meeting.id);
    token = (await authorize(emulator)).access_token;
    const once = encodeURIComponent(meeting.uuid);
    const twice = encodeURIComponent(once);
    const single = await emulator.api("GET", `/past_meetings/${once}/participants`, token);
    expect(single.status).toBe(404);
    expect(await single.json()).toEqual({
      code: 3001,
      message: `Meeting does not exist: ${meeting.uuid}.`,
    });
    const double = await emulator.api("GET", `/past_meetings/${twice}/participants`, token);
    expect(double.status).toBe(200);
    const past = pastSchema.parse(await double.json());
    const patientRows = past.participants.filter((row) => row.name === "Pat Patient");
    expect(patientRows.map((row) => row.status).sort()).toEqual(["in_meeting", "in_waiting_room"]);
    const inMeeting = patientRows.find((row) => row.status === "in_meeting");
    expect(inMeeting?.duration).toBeGreaterThanOrEqual(120);
  });

  it("report by meeting number includes customer_key", async () => {
    const meeting = await meetingWithAwkwardUuid();
    await runVisit(meeting.id);
    token = (await authorize(emulator)).access_token;
    const response = await emulator.api(
      "GET",
      `/report/meetings/${meeting.id}/participants?page_size=2`,
      token,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-category")).toBe("Heavy");
    const first = reportSchema.parse(await response.json());
    expect(first).toMatchObject({ total_records: 3, page_size: 2, page_count: 2 });
    const next = await emulator.api(
      "GET",
      `/report/meetings/${meeting.id}/participants?page_size=2&next_page_token=${first.next_page_token}`,
      token,
    );
    const second = reportSchema.parse(await next.json());
    const keys = [...first.participants, ...second.participants].map((row) => row.customer_key);
    expect(keys.sort()).toEqual(["patient-7", "patient-7", "provider-3"]);
    const byUuid = await emulator.api(
      "GET",
      `/report/meetings/${encodeURIComponent(encodeURIComponent(meeting.uuid))}/participants`,
      token,
    );
    expect(reportSchema.parse(await byUuid.json()).total_records).toBe(3);
  });

  it("answer 404 code 3001 for a meeting that never started", async () => {
    const response = await emulator.api("POST", "/users/me/meetings", token, { topic: "Never" });
    const meeting = meetingResponseSchema.parse(await response.json());
    const report = await emulator.api("GET", `/report/meetings/${meeting.id}/participants`, token);
    expect(report.status).toBe(404);
  });
});
