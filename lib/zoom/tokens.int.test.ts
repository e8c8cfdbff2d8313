import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { ZoomConnectionStatus } from "@/generated/prisma/enums";
import { decryptSecret, sealedFields } from "@/lib/crypto/encryption";
import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { loadFresh } from "@/tests/support/fresh-modules";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import {
  TEST_ZOOM_CLIENT_ID,
  TEST_ZOOM_CLIENT_SECRET,
} from "@/tests/support/zoom-emulator-process";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { zoomErrorOf } from "@/lib/zoom/api/request";
import {
  createZoomMeeting,
  deleteZoomMeeting,
  getZoomMeeting,
  updateZoomMeeting,
} from "@/lib/zoom/api/meetings";
import { getZoomUser } from "@/lib/zoom/api/users";
import { isZoomBroken } from "@/lib/zoom/connection";
import { getValidAccessToken } from "@/lib/zoom/tokens";
import { buildMeetingInput } from "@/lib/visits/meeting-input";

const context = withZoomEmulator();

type Stats = { refreshes: number; invalidGrants: number; apiCalls: number };
const stats = async () => (await context.zoom.control<{ stats: Stats }>("GET", "/state")).stats;

async function linkedClinic() {
  const linked = await createLinkedClinic(context.zoom);
  return {
    clinic: linked,
    connection: linked.connection,
    accountId: linked.account.id,
    ownerEmail: linked.ownerEmail,
  };
}

async function expireInDatabase(connectionId: string, secondsLeft: number) {
  await db.zoomConnection.update({
    where: { id: connectionId },
    data: { accessTokenExpiresAt: new Date(Date.now() + secondsLeft * 1000) },
  });
}

describe("access tokens", () => {
  it("refreshes 60 seconds before expiry, rotating the refresh token", async () => {
    const { connection } = await linkedClinic();
    const first = await getValidAccessToken(connection.id);
    const before = await stats();
    await expireInDatabase(connection.id, 30);
    const refreshed = await getValidAccessToken(connection.id);
    expect(refreshed.version).toBe(first.version + 1);
    expect(refreshed.token).not.toBe(first.token);
    expect((await stats()).refreshes).toBe(before.refreshes + 1);
    const row = await db.zoomConnection.findUniqueOrThrow({
      where: { id: connection.id },
      select: { accessTokenExpiresAt: true, lastRefreshedAt: true },
    });
    expect(row.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
  });

  it("refreshes once and retries when Zoom answers 401 code 124", async () => {
    const { connection, accountId, ownerEmail } = await linkedClinic();
    await context.zoom.control("POST", "/tokens/expire", { accountId });
    const before = await stats();
    const me = await getZoomUser(connection, "me");
    expect(me.email).toBe(ownerEmail);
    expect((await stats()).refreshes).toBe(before.refreshes + 1);
  });

  it("refreshes exactly once for 100 concurrent calls at expiry from two app processes", async () => {
    const { connection } = await linkedClinic();
    await expireInDatabase(connection.id, 10);
    const before = await stats();
    const run = promisify(execFile);
    const worker = (startAt: number) =>
      run(
        path.join(process.cwd(), "node_modules/.bin/tsx"),
        ["--conditions=react-server", "tests/support/zoom-burst-worker.ts"],
        {
          env: {
            ...process.env,
            BURST_CONNECTION_ID: connection.id,
            BURST_COUNT: "50",
            BURST_START_AT: String(startAt),
            LOG_LEVEL: "silent",
          },
        },
      );
    const startAt = Date.now() + 3_000;
    const outputs = await Promise.all([worker(startAt), worker(startAt)]);
    const results = outputs.map(
      (output) =>
        JSON.parse(output.stdout.trim().split("\n").pop() ?? "{}") as {
          ok: number;
          errors: string[];
        },
    );
    expect(results.flatMap((result) => result.errors)).toEqual([]);
    expect(results.reduce((sum, result) => sum + result.ok, 0)).toBe(100);
    const after = await stats();
    expect(after.refreshes - before.refreshes).toBe(1);
    expect(after.invalidGrants - before.invalidGrants).toBe(0);
  }, 60_000);

  it("marks the connection for relinking when Zoom refuses the refresh token", async () => {
    const { connection } = await linkedClinic();
    const row = await db.zoomConnection.findUniqueOrThrow({
      where: { id: connection.id },
      select: { organizationId: true, refreshToken: true },
    });
    // Someone else used our refresh token: Zoom rotated it, so ours is dead.
    const stolen = await fetch(`${context.zoom.url}/oauth/token`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${TEST_ZOOM_CLIENT_ID}:${TEST_ZOOM_CLIENT_SECRET}`).toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: decryptSecret(
          row.refreshToken ?? "",
          sealedFields.zoomToken(row.organizationId, "refreshToken"),
        ),
      }),
    });
    expect(stolen.status).toBe(200);
    await expireInDatabase(connection.id, 0);
    const error = await getZoomUser(connection, "me").catch((caught: unknown) => caught);
    expect(isAppError(error, "conflict")).toBe(true);
    expect(isAppError(error) && error.publicMessage).toMatch(/link Zoom again/);
    expect(
      await isZoomBroken(
        (await db.zoomConnection.findUniqueOrThrow({ where: { id: connection.id } }))
          .organizationId,
      ),
    ).toBe(true);
    const broken = await db.zoomConnection.findUniqueOrThrow({
      where: { id: connection.id },
      select: { status: true, lastError: true },
    });
    expect(broken.status).toBe(ZoomConnectionStatus.NEEDS_RELINK);
    expect(broken.lastError).toMatch(/invalid_grant/);
  });
});

describe("Zoom API calls", () => {
  it("create, read, update and delete a meeting; the meeting number is a 64-bit integer", async () => {
    const { connection } = await linkedClinic();
    const meeting = await createZoomMeeting(
      connection,
      "me",
      buildMeetingInput({ start: new Date(), durationMinutes: 30, timeZone: "America/New_York" }),
    );
    expect(typeof meeting.id).toBe("number");
    const id = BigInt(meeting.id);
    expect((await getZoomMeeting(connection, id)).join_url).toBe(meeting.join_url);
    await updateZoomMeeting(connection, id, { duration: 45 });
    expect((await getZoomMeeting(connection, id)).duration).toBe(45);
    await deleteZoomMeeting(connection, id);
    await deleteZoomMeeting(connection, id);
    const gone = await getZoomMeeting(connection, id).catch((caught: unknown) => caught);
    expect(zoomErrorOf(gone)?.code).toBe(3001);
  });

  it("waits as Zoom says on a per-second 429, then succeeds", async () => {
    const { connection } = await linkedClinic();
    await context.zoom.control("POST", "/faults", {
      pathPrefix: "/v2/users",
      status: 429,
      count: 1,
      kind: "qps",
      retryAfterSeconds: 1,
    });
    const before = await stats();
    await expect(getZoomUser(connection, "me")).resolves.toHaveProperty("id");
    expect((await stats()).apiCalls - before.apiCalls).toBe(2);
  });

  it("gives up with a clear message on a daily 429", async () => {
    const { connection } = await linkedClinic();
    await context.zoom.control("POST", "/faults", {
      pathPrefix: "/v2/users",
      status: 429,
      count: 1,
      kind: "daily",
      retryAfterSeconds: 3600,
    });
    const error = await getZoomUser(connection, "me").catch((caught: unknown) => caught);
    expect(isAppError(error, "rate_limited")).toBe(true);
    expect(isAppError(error) && error.publicMessage).toMatch(/Try again in \d+ minutes/);
    await context.zoom.control("DELETE", "/faults");
  });

  it("retries 5xx with backoff, then fails clearly and records the problem", async () => {
    const { connection } = await linkedClinic();
    await context.zoom.control("POST", "/faults", {
      pathPrefix: "/v2/users",
      status: 503,
      count: 2,
    });
    await expect(getZoomUser(connection, "me")).resolves.toHaveProperty("id");
    await context.zoom.control("POST", "/faults", {
      pathPrefix: "/v2/users",
      status: 500,
      count: 3,
    });
    const error = await getZoomUser(connection, "me").catch((caught: unknown) => caught);
    expect(isAppError(error, "upstream_unavailable")).toBe(true);
    expect(zoomErrorOf(error)?.status).toBe(500);
    const row = await db.zoomConnection.findUniqueOrThrow({
      where: { id: connection.id },
      select: { lastError: true, lastErrorAt: true },
    });
    expect(row.lastError).toMatch(/500/);
  });
});

describe("a Zoom that answers nonsense", () => {
  it("is an error with Zoom's request id, not a crash", async () => {
    const { connection } = await linkedClinic();
    const fake = http.createServer((_request, response) => {
      response.writeHead(200, {
        "Content-Type": "application/json",
        "x-zm-trackingid": "TRACK-42",
      });
      response.end(JSON.stringify({ unexpected: true }));
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    const saved = process.env.ZOOM_API_BASE_URL;
    try {
      process.env.ZOOM_API_BASE_URL = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/v2`;
      const fresh = await loadFresh(async () => ({
        users: await import("@/lib/zoom/api/users"),
        errors: await import("@/lib/errors"),
      }));
      const error = await fresh.users
        .getZoomUser(connection, "me")
        .catch((caught: unknown) => caught);
      expect(fresh.errors.isAppError(error, "upstream_unavailable")).toBe(true);
      expect(fresh.errors.isAppError(error) && error.publicMessage).toContain("TRACK-42");
    } finally {
      process.env.ZOOM_API_BASE_URL = saved;
      await new Promise<void>((resolve) => fake.close(() => resolve()));
    }
  });
});
