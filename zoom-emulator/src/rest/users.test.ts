import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { authorize, startTestEmulator, type TestEmulator } from "../testing/harness";
import { readJsonObject, restErrorSchema } from "../testing/protocol-schemas";

// Bearer checks, account scoping, headers, and the users endpoints (zoom-rest.md#errors,
// zoom-rest.md#users, zoom-rest.md#rate-limits).

let emulator: TestEmulator;
let token: string;

const userSchema = z.object({
  id: z.string().length(22),
  email: z.string(),
  type: z.number(),
  role_name: z.string(),
  account_id: z.string(),
});
const userListSchema = z.object({
  page_count: z.number(),
  page_number: z.number(),
  page_size: z.number(),
  total_records: z.number(),
  next_page_token: z.string(),
  users: z.array(z.object({ id: z.string(), email: z.string() })),
});

beforeAll(async () => {
  emulator = await startTestEmulator();
  token = (await authorize(emulator)).access_token;
});
afterAll(async () => {
  await emulator.close();
});

describe("bearer check", () => {
  it.each([
    ["missing", undefined],
    ["unknown", "not-a-token"],
  ])("answers 401 code 124 for a %s token", async (_label, value) => {
    const response = await fetch(
      `${emulator.url}/v2/users/me`,
      value === undefined ? {} : { headers: { authorization: `Bearer ${value}` } },
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 124, message: "Invalid access token." });
    expect(response.headers.get("x-zm-trackingid")).toMatch(/^v=2\.0;clid=/);
  });

  it("scopes every call to the token's account", async () => {
    const created = await emulator.control("POST", "/_emulator/accounts", {
      name: "Other Clinic",
      users: [
        { email: "owner@other.test", first_name: "Olive", last_name: "Other", role: "Owner" },
      ],
    });
    expect(created.status).toBe(201);
    const response = await emulator.api("GET", "/users/owner@other.test", token);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 1001,
      message: "User does not exist: owner@other.test.",
    });
  });

  it("answers 400 code 4711 when the grant lacks the scope", async () => {
    await emulator.control("PUT", "/_emulator/registration", { scopes: "meeting:read:admin" });
    const limited = (await authorize(emulator)).access_token;
    const response = await emulator.api("GET", "/users/me", limited);
    expect(response.status).toBe(400);
    expect(restErrorSchema.parse(await response.json()).code).toBe(4711);
    await emulator.control("PUT", "/_emulator/registration", {
      scopes: [
        "meeting:read:admin",
        "meeting:write:admin",
        "user:read:admin",
        "user:write:admin",
        "report:read:admin",
      ],
    });
    token = (await authorize(emulator)).access_token;
  });
});

describe("GET /users/{userId}", () => {
  it("resolves me, an email and an id, with rate-limit headers", async () => {
    const me = await emulator.api("GET", "/users/me", token);
    expect(me.status).toBe(200);
    expect(me.headers.get("x-ratelimit-category")).toBe("Light");
    expect(me.headers.get("x-ratelimit-type")).toBe("QPS");
    expect(Number(me.headers.get("x-ratelimit-limit"))).toBeGreaterThan(0);
    expect(me.headers.get("x-ratelimit-remaining")).not.toBeNull();
    const owner = userSchema.parse(await me.json());
    expect(owner).toMatchObject({
      email: "zoom-admin@carevisit.test",
      role_name: "Owner",
      type: 2,
    });
    const byEmail = userSchema.parse(
      await (await emulator.api("GET", "/users/PROVIDER@carevisit.test", token)).json(),
    );
    expect(byEmail.type).toBe(2);
    const byId = await emulator.api("GET", `/users/${byEmail.id}`, token);
    expect(userSchema.parse(await byId.json()).email).toBe("provider@carevisit.test");
  });
});

describe("GET /users", () => {
  it("pages with next_page_token", async () => {
    const first = userListSchema.parse(
      await (await emulator.api("GET", "/users?page_size=2", token)).json(),
    );
    expect(first).toMatchObject({ page_size: 2, total_records: 3, page_count: 2, page_number: 1 });
    expect(first.users).toHaveLength(2);
    const second = userListSchema.parse(
      await (
        await emulator.api(
          "GET",
          `/users?page_size=2&next_page_token=${first.next_page_token}`,
          token,
        )
      ).json(),
    );
    expect(second.users.map((user) => user.email)).toEqual(["member@carevisit.test"]);
    expect(second.next_page_token).toBe("");
  });

  it("rejects a damaged next_page_token", async () => {
    const response = await emulator.api("GET", "/users?next_page_token=garbage", token);
    expect(response.status).toBe(400);
  });
});

describe("POST /users", () => {
  it("creates a user (201) and refuses the same email again (409 code 1005)", async () => {
    const body = {
      action: "custCreate",
      user_info: {
        email: "new.patient@carevisit.test",
        type: 1,
        first_name: "Nia",
        last_name: "New",
      },
    };
    const created = await emulator.api("POST", "/users", token, body);
    expect(created.status).toBe(201);
    const user = await readJsonObject(created);
    expect(Object.keys(user).sort()).toEqual(["email", "first_name", "id", "last_name", "type"]);
    expect(user).toMatchObject({ email: "new.patient@carevisit.test", type: 1, first_name: "Nia" });
    expect(
      await emulator.api("GET", "/users/new.patient@carevisit.test", token).then((r) => r.status),
    ).toBe(200);
    const again = await emulator.api("POST", "/users", token, body);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      code: 1005,
      message: "User already in the account: new.patient@carevisit.test",
    });
  });

  it("answers 400 code 300 for invalid bodies", async () => {
    const bad = await emulator.api("POST", "/users", token, {
      action: "create",
      user_info: { email: "not-an-email", type: 2 },
    });
    expect(bad.status).toBe(400);
    expect(restErrorSchema.parse(await bad.json()).code).toBe(300);
    const notJson = await fetch(`${emulator.url}/v2/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: "{",
    });
    expect(notJson.status).toBe(400);
    expect(restErrorSchema.parse(await notJson.json()).code).toBe(300);
  });
});
