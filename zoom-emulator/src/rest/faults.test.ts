import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { authorize, requestToken, startTestEmulator, type TestEmulator } from "../testing/harness";

// Injected 429s and 5xx with Zoom's headers and bodies (zoom-rest.md#rate-limits,
// zoom-rest.md#errors).

let emulator: TestEmulator;
let token: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  token = (await authorize(emulator)).access_token;
});
afterAll(async () => {
  await emulator.close();
});

describe("POST /_emulator/faults", () => {
  it("fails the next `count` matching requests with a QPS 429, then recovers", async () => {
    const created = await emulator.control("POST", "/_emulator/faults", {
      method: "POST",
      pathPrefix: "/v2/users/",
      status: 429,
      count: 2,
      retryAfterSeconds: 7,
    });
    expect(created.status).toBe(201);
    expect((await emulator.api("GET", "/users/me", token)).status).toBe(200);
    for (let index = 0; index < 2; index += 1) {
      const response = await emulator.api("POST", "/users/me/meetings", token, { topic: "x" });
      expect(response.status).toBe(429);
      expect(await response.json()).toEqual({
        code: 429,
        message:
          "You have reached the maximum per-second rate limit for this API. Try again later.",
      });
      expect(response.headers.get("x-ratelimit-type")).toBe("QPS");
      expect(response.headers.get("x-ratelimit-category")).toBe("Medium");
      expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
      const reset = Number(response.headers.get("x-ratelimit-reset"));
      expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 6);
      expect(reset).toBeLessThan(Date.now() / 1000 + 10);
      expect(response.headers.get("retry-after")).toBeNull();
    }
    expect((await emulator.api("POST", "/users/me/meetings", token, { topic: "x" })).status).toBe(
      201,
    );
  });

  it("sends a daily-limit 429 with Retry-After as an ISO datetime", async () => {
    await emulator.control("POST", "/_emulator/faults", {
      pathPrefix: "/users",
      status: 429,
      count: 1,
      kind: "daily",
      retryAfterSeconds: 600,
    });
    const response = await emulator.api("GET", "/users/me", token);
    expect(response.status).toBe(429);
    expect(response.headers.get("x-ratelimit-type")).toBe("Daily-limit");
    const retryAt = Date.parse(response.headers.get("retry-after") ?? "");
    expect(retryAt - Date.now()).toBeGreaterThan(590_000);
    expect(response.headers.get("retry-after")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  });

  it("sends 5xx with {code, message}, also on /oauth paths, and DELETE clears", async () => {
    await emulator.control("POST", "/_emulator/faults", {
      pathPrefix: "/v2/meetings",
      status: 503,
      count: 5,
    });
    const response = await emulator.api("GET", "/meetings/12345678901", token);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ code: 503, message: "Service Unavailable" });
    expect(response.headers.get("x-zm-trackingid")).not.toBeNull();
    expect((await emulator.control("DELETE", "/_emulator/faults")).status).toBe(200);
    expect((await emulator.api("GET", "/meetings/12345678901", token)).status).toBe(404);

    await emulator.control("POST", "/_emulator/faults", {
      pathPrefix: "/oauth/token",
      status: 502,
      count: 1,
    });
    expect(
      (await requestToken(emulator, { grant_type: "refresh_token", refresh_token: "x" })).status,
    ).toBe(502);
  });
});
