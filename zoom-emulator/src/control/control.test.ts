import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { authorize, startTestEmulator, type TestEmulator } from "../testing/harness";

// The control API's setup calls: default state, accounts, registration, reset.

let emulator: TestEmulator;

const stateSchema = z.object({
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      users: z.array(
        z.object({
          id: z.string(),
          email: z.string(),
          role: z.string(),
          type: z.number(),
          displayName: z.string(),
        }),
      ),
    }),
  ),
  meetings: z.array(z.unknown()),
  stats: z.object({ apiCalls: z.number(), revokes: z.number(), invalidGrants: z.number() }),
  complianceCalls: z.array(z.unknown()),
  telehealthSessions: z.record(z.string(), z.number()),
});
const registrationSchema = z.object({
  clientId: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  eventUrl: z.string(),
});

async function readState() {
  return stateSchema.parse((await emulator.control("GET", "/_emulator/state")).body);
}

beforeAll(async () => {
  emulator = await startTestEmulator({ registration: { name: "Startup Name" } });
});
afterAll(async () => {
  await emulator.close();
});

describe("control API", () => {
  it("starts with the default clinic and stable ids", async () => {
    const state = await readState();
    expect(state.accounts).toHaveLength(1);
    const [account] = state.accounts;
    expect(account?.name).toBe("Riverside Family Clinic");
    expect(account?.id).toMatch(/^[\w-]{22}$/);
    expect(
      account?.users.map((user) => [user.email, user.role, user.type, user.displayName]),
    ).toEqual([
      ["zoom-admin@carevisit.test", "Owner", 2, "Casey Admin"],
      ["provider@carevisit.test", "Member", 2, "Priya Shah"],
      ["member@carevisit.test", "Member", 1, "Morgan Member"],
    ]);
    const other = await startTestEmulator();
    const otherState = stateSchema.parse((await other.control("GET", "/_emulator/state")).body);
    await other.close();
    expect(otherState.accounts[0]?.id).toBe(account?.id);
  });

  it("adds accounts and refuses a taken email", async () => {
    const body = {
      name: "Lakeside",
      users: [
        {
          email: "admin@lakeside.test",
          first_name: "Lee",
          last_name: "Side",
          role: "Admin",
          type: 1,
        },
      ],
    };
    const created = await emulator.control("POST", "/_emulator/accounts", body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Lakeside",
      users: [{ email: "admin@lakeside.test", role: "Admin", type: 1 }],
    });
    expect((await emulator.control("POST", "/_emulator/accounts", body)).status).toBe(409);
    const invalid = await emulator.control("POST", "/_emulator/accounts", { name: "", users: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: { code: "bad_request" } });
    // An Admin may add the app too.
    await authorize(emulator, { userEmail: "admin@lakeside.test" });
  });

  it("merges registration changes and reset keeps them unless asked", async () => {
    const put = await emulator.control("PUT", "/_emulator/registration", {
      name: "Renamed",
      eventUrl: "",
    });
    expect(registrationSchema.parse(put.body)).toMatchObject({
      name: "Renamed",
      clientId: "carevisit-dev-client",
      eventUrl: "",
    });
    expect(
      (await emulator.control("PUT", "/_emulator/registration", { accessTokenTtlSeconds: -1 }))
        .status,
    ).toBe(400);

    await emulator.control("POST", "/_emulator/reset", {});
    expect((await readState()).accounts).toHaveLength(1);
    expect(
      registrationSchema.parse((await emulator.control("GET", "/_emulator/registration")).body)
        .name,
    ).toBe("Renamed");

    await emulator.control("POST", "/_emulator/reset", { registration: true });
    expect(
      registrationSchema.parse((await emulator.control("GET", "/_emulator/registration")).body)
        .name,
    ).toBe("Startup Name");
  });

  it("moves the clock", async () => {
    const before = Date.now();
    const result = await emulator.control("POST", "/_emulator/clock", { advanceSeconds: 3600 });
    const now = Date.parse(z.object({ now: z.string() }).parse(result.body).now);
    expect(now - before).toBeGreaterThanOrEqual(3_600_000);
  });
});
