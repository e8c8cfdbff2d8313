import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import {
  authorize,
  basicAuth,
  DEV_CLIENT,
  requestToken,
  startTestEmulator,
  type TestEmulator,
} from "../testing/harness";
import { oauthErrorSchema, readJsonObject, tokenResponseSchema } from "../testing/protocol-schemas";

// Refresh rotation, expiry, revoke and re-authorization, seen from the REST API.

const tokenStatsSchema = z.object({
  stats: z.object({
    refreshes: z.number(),
    tokenRequests: z.object({ authorization_code: z.number(), refresh_token: z.number() }),
  }),
});

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
});

async function meStatus(token: string) {
  return (await emulator.api("GET", "/users/me", token)).status;
}

async function refresh(refreshToken: string) {
  const response = await requestToken(emulator, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
  });
  const body: unknown = await response.json();
  return { status: response.status, body };
}

describe("refresh tokens", () => {
  it("rotate: the new pair works, the old refresh token is dead, the old access token lives on", async () => {
    const first = await authorize(emulator);
    const refreshed = await refresh(first.refresh_token);
    expect(refreshed.status).toBe(200);
    const second = tokenResponseSchema.parse(refreshed.body);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(await meStatus(second.access_token)).toBe(200);
    expect(await meStatus(first.access_token)).toBe(200);
    const reused = await refresh(first.refresh_token);
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({ reason: "Invalid Token!", error: "invalid_grant" });
  });

  it("keep working after access tokens expire, and count in the stats", async () => {
    const tokens = await authorize(emulator);
    const before = await emulator.control("GET", "/_emulator/state");
    await emulator.control("POST", "/_emulator/tokens/expire", {});
    expect(await meStatus(tokens.access_token)).toBe(401);
    const refreshed = await refresh(tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    expect(await meStatus(tokenResponseSchema.parse(refreshed.body).access_token)).toBe(200);
    const after = await emulator.control("GET", "/_emulator/state");
    const statsOf = (body: unknown) => tokenStatsSchema.parse(body).stats;
    expect(statsOf(after.body).refreshes).toBe(statsOf(before.body).refreshes + 1);
    expect(statsOf(after.body).tokenRequests.refresh_token).toBe(
      statsOf(before.body).tokenRequests.refresh_token + 1,
    );
  });

  it("expire with the access token after an hour on the emulator clock, and refresh tokens after 90 days", async () => {
    const tokens = await authorize(emulator);
    await emulator.control("POST", "/_emulator/clock", { advanceSeconds: 3601 });
    expect(await meStatus(tokens.access_token)).toBe(401);
    await emulator.control("POST", "/_emulator/clock", { advanceSeconds: 90 * 24 * 3600 });
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
  });
});

describe("invalidation", () => {
  it("a new authorization of the account kills the earlier tokens", async () => {
    const old = await authorize(emulator);
    const fresh = await authorize(emulator);
    expect(await meStatus(old.access_token)).toBe(401);
    expect(oauthErrorSchema.parse((await refresh(old.refresh_token)).body).error).toBe(
      "invalid_grant",
    );
    expect(await meStatus(fresh.access_token)).toBe(200);
  });

  it("revoking the access token (query string) kills the refresh token too", async () => {
    const tokens = await authorize(emulator);
    const response = await fetch(
      `${emulator.url}/oauth/revoke?token=${encodeURIComponent(tokens.access_token)}`,
      {
        method: "POST",
        headers: { authorization: basicAuth(DEV_CLIENT.id, DEV_CLIENT.secret) },
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "success" });
    expect(await meStatus(tokens.access_token)).toBe(401);
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
  });

  it("revoking the refresh token (form body) kills the access token too", async () => {
    const tokens = await authorize(emulator);
    const response = await fetch(`${emulator.url}/oauth/revoke`, {
      method: "POST",
      headers: { authorization: basicAuth(DEV_CLIENT.id, DEV_CLIENT.secret) },
      body: new URLSearchParams({ token: tokens.refresh_token }),
    });
    expect(response.status).toBe(200);
    expect(await meStatus(tokens.access_token)).toBe(401);
  });

  it("revoke needs the client's Basic credentials", async () => {
    const response = await fetch(`${emulator.url}/oauth/revoke?token=x`, { method: "POST" });
    expect(response.status).toBe(401);
    expect(await readJsonObject(response)).toEqual({
      reason: "Invalid client_id or client_secret",
      error: "invalid_client",
    });
  });
});
