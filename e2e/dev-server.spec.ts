import { createHmac } from "node:crypto";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";
import pg from "pg";

import { startDevCommand } from "./support/dev-command";

// `npm run dev` as a newcomer meets it (its own embedded PostgreSQL and Zoom emulator, a cold
// next dev): an open page holds still while the database works, the first webhook lands within
// Zoom's 3 seconds, and Ctrl+C stops the app before the database. Runs after the other specs
// (playwright.config.ts), since next dev's compiling would slow them down.

const PROJECT_ROOT = path.resolve(__dirname, "..");
/** What next dev does not watch, or what tests write: build output, dependencies, Playwright's files. */
const UNWATCHED = new Set(["node_modules", ".next", ".git", "test-results", "playwright-report"]);
const DEV_WEBHOOK_SECRET = "carevisit-dev-webhook-secret"; // scripts/dev.ts's emulator registration
const IDLE_MS = 20_000;

/** Files in the project that changed after `since` (the folders next dev watches). */
function filesChangedSince(since: number, dir = PROJECT_ROOT): string[] {
  const changed: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (dir === PROJECT_ROOT && UNWATCHED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) changed.push(...filesChangedSince(since, full));
    else if (entry.isFile() && statSync(full).mtimeMs >= since)
      changed.push(path.relative(PROJECT_ROOT, full));
  }
  return changed;
}

/** A signed Zoom event for a meeting CareVisit does not know: stored and answered, nothing else. */
function signedWebhook() {
  const body = JSON.stringify({
    event: "meeting.started",
    event_ts: Date.now(),
    payload: {
      account_id: "dev-check-account",
      object: { id: String(Date.now()), uuid: "dev-check-meeting", host_id: "dev-check-host" },
    },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac("sha256", DEV_WEBHOOK_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest("hex");
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "x-zm-request-timestamp": timestamp,
      "x-zm-signature": `v0=${signature}`,
    },
  };
}

test("npm run dev holds still, takes the first webhook at once and stops in order", async ({
  page,
}) => {
  test.setTimeout(360_000);
  const dev = await startDevCommand();
  try {
    const [, dbPort] = await dev.waitFor(/Embedded PostgreSQL is running on port (\d+)/, 120_000);
    await dev.waitFor(/Ctrl\+C stops everything/, 240_000);

    // The first delivery after the announcement, as Zoom would send it: answered within 3 s.
    const webhook = signedWebhook();
    const sentAt = Date.now();
    const answer = await fetch(`${dev.appUrl}/api/zoom/webhook`, { method: "POST", ...webhook });
    expect(answer.status).toBe(200);
    expect(Date.now() - sentAt).toBeLessThan(3_000);

    const loads: number[] = [];
    const rebuilds: string[] = [];
    page.on("load", () => loads.push(Date.now()));
    page.on("console", (message) => {
      if (/Fast Refresh|full reload/i.test(message.text())) rebuilds.push(message.text());
    });
    await page.goto(`${dev.appUrl}/sign-in`, { timeout: 120_000 });
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible({ timeout: 60_000 });
    await page.waitForTimeout(2_000); // hydration, and the dev overlay's first requests
    loads.length = 0;
    rebuilds.length = 0;

    // The page idles while the database writes (as pg-boss and visits make it do all day).
    const idleSince = Date.now();
    const db = new pg.Client({
      host: "localhost",
      port: Number(dbPort),
      user: "postgres",
      password: "carevisit-local",
      database: "carevisit",
    });
    await db.connect();
    try {
      const { rows } = await db.query<{ data_directory: string }>("SHOW data_directory");
      expect(path.relative(PROJECT_ROOT, rows[0]?.data_directory ?? "")).toMatch(/^\.\./);
      await db.query("CREATE TABLE IF NOT EXISTS dev_check (id serial, filler text)");
      while (Date.now() - idleSince < IDLE_MS) {
        await db.query(
          "INSERT INTO dev_check (filler) SELECT repeat('x', 500) FROM generate_series(1, 2000)",
        );
        await db.query("CHECKPOINT");
        await page.waitForTimeout(1_000);
      }
      await db.query("DROP TABLE dev_check");
    } finally {
      await db.end();
    }
    expect(filesChangedSince(idleSince), "files changed in the folder next dev watches").toEqual(
      [],
    );
    expect(loads, "the idle page reloaded").toEqual([]);
    expect(rebuilds, "next dev rebuilt the idle page").toEqual([]);

    // Ctrl+C: the app and its workers stop before the database, so nobody loses a connection.
    const stoppingAt = dev.output().length;
    expect(await dev.interrupt()).toBe(0);
    const shutdown = dev.output().slice(stoppingAt);
    expect(shutdown).toContain("Stopped.");
    expect(shutdown).not.toMatch(/jobs\.error|realtime\.connection_lost|terminating connection/);
    expect(existsSync(path.join(dev.dataDir, "postgres", "postmaster.pid"))).toBe(false);
  } finally {
    await dev.interrupt();
    rmSync(dev.dataDir, { recursive: true, force: true });
  }
});
