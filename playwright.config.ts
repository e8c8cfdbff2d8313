import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";

import { defineConfig, devices } from "@playwright/test";

import { chromiumLaunchOptions } from "./e2e/support/chromium";

// E2E runs against the production build (`next build` first) on a fresh PostgreSQL database, with
// the system Chromium. This file is evaluated by the runner and again by each worker: values are
// kept in process.env, which the workers inherit, so that all of them agree.

function freePort(): string {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
}

process.env.E2E_PORT ??= freePort();
process.env.E2E_PORT_2 ??= freePort();
process.env.E2E_ZOOM_PORT ??= freePort();
process.env.E2E_SMTP_PORT ??= freePort();
process.env.E2E_MAIL_PORT ??= freePort();
process.env.E2E_DATABASE_NAME ??= `cv_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.E2E_TOKEN_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

const baseURL = `http://localhost:${process.env.E2E_PORT}`;
// A second app server on the same database, for specs that follow a change across instances.
const secondURL = `http://localhost:${process.env.E2E_PORT_2}`;
const zoomURL = `http://localhost:${process.env.E2E_ZOOM_PORT}`;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: isCI ? 2 : undefined,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  // The longest flows take 20–32 s when two workers share two slow cores; the limit catches hangs.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    {
      name: "chromium",
      testIgnore: "dev-server.spec.ts",
      use: { ...devices["Desktop Chrome"] },
    },
    // `npm run dev` itself (a cold next dev compiling): after the others, which it would slow down.
    {
      name: "dev-server",
      testMatch: "dev-server.spec.ts",
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"] },
    },
  ],
  webServer: [
    {
      // The mail server the app servers deliver to over SMTP; specs read what arrived.
      command: "npx tsx e2e/support/mail-server.ts",
      url: `http://127.0.0.1:${process.env.E2E_MAIL_PORT}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: `npx tsx zoom-emulator/src/main.ts --port ${process.env.E2E_ZOOM_PORT} --webhook-retry-delays-ms 200,500,1000`,
      url: `${zoomURL}/_emulator/state`,
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: {
        ZOOM_EMULATOR_CLIENT_ID: "carevisit-e2e-client",
        ZOOM_EMULATOR_CLIENT_SECRET: "carevisit-e2e-secret",
        ZOOM_EMULATOR_WEBHOOK_SECRET_TOKEN: "carevisit-e2e-webhook-secret",
        ZOOM_EMULATOR_REDIRECT_URIS: `${baseURL}/api/zoom/oauth/callback`,
        ZOOM_EMULATOR_EVENT_URL: `${baseURL}/api/zoom/webhook`,
      },
    },
    {
      command: "npx tsx e2e/support/start-app.ts",
      url: `${baseURL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: { NEXT_TELEMETRY_DISABLED: "1" },
    },
    {
      // Started after the first one is healthy, so the database exists; Zoom calls only the first.
      command: "npx tsx e2e/support/start-app.ts",
      url: `${secondURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: { NEXT_TELEMETRY_DISABLED: "1", E2E_APP_INSTANCE: "2" },
    },
  ],
});
