import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { authorize, startTestEmulator } from "../testing/harness";
import { meetingResponseSchema } from "../testing/protocol-schemas";

// The state file keeps tokens and meetings across restarts.

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "zoom-emulator-state-"));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("--state-file", () => {
  it("round-trips tokens, meetings and the clock through a restart", async () => {
    const stateFile = join(directory, "state.json");
    const first = await startTestEmulator({ stateFile });
    const tokens = await authorize(first);
    const created = await first.api("POST", "/users/me/meetings", tokens.access_token, {
      topic: "Persisted",
    });
    const meeting = meetingResponseSchema.parse(await created.json());
    await first.control("POST", "/_emulator/clock", { advanceSeconds: 60 });
    await first.close();
    expect(JSON.parse(await readFile(stateFile, "utf8"))).toMatchObject({
      version: 1,
      clockOffsetMs: 60_000,
    });

    const second = await startTestEmulator({ stateFile });
    try {
      const read = await second.api("GET", `/meetings/${meeting.id}`, tokens.access_token);
      expect(read.status).toBe(200);
      expect(meetingResponseSchema.parse(await read.json()).uuid).toBe(meeting.uuid);
      const refreshed = await fetch(`${second.url}/oauth/token`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from("carevisit-dev-client:carevisit-dev-secret").toString("base64")}`,
        },
        body: new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: tokens.refresh_token,
        }),
      });
      expect(refreshed.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("starts fresh from a file that does not parse", async () => {
    const stateFile = join(directory, "broken.json");
    await writeFile(stateFile, "{ not json");
    const emulator = await startTestEmulator({ stateFile });
    try {
      expect((await emulator.control("GET", "/_emulator/state")).status).toBe(200);
    } finally {
      await emulator.close();
    }
    expect(JSON.parse(await readFile(stateFile, "utf8"))).toMatchObject({ version: 1 });
  });
});
