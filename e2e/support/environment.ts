import { tmpdir } from "node:os";
import path from "node:path";

import { databaseUrl, testServerUrl } from "@/tests/support/test-database";

// What playwright.config.ts decided for this run, read back by the server script and the fixtures.

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the e2e tests through \`npx playwright test\`.`);
  return value;
}

export function e2eDatabaseName(): string {
  return required("E2E_DATABASE_NAME");
}

export function e2eDatabaseUrl(): string {
  return databaseUrl(testServerUrl(), e2eDatabaseName());
}

type AppEnv = Record<string, string> & { PORT: string; APP_BASE_URL: string; DATABASE_URL: string };

/** The Zoom emulator of this run (started by playwright.config.ts). */
export function e2eZoomUrl(): string {
  return `http://localhost:${required("E2E_ZOOM_PORT")}`;
}

/** The mail server of this run: what the app servers sent, as JSON (e2e/support/mail-server.ts). */
export function e2eMailApiUrl(): string {
  return `http://127.0.0.1:${required("E2E_MAIL_PORT")}`;
}

/** Which app server a process is: 1 (prepares the database, gets Zoom's webhooks) or 2. */
export type AppInstance = 1 | 2;

/** The second app server: same database and emulator, another port (Zoom's webhooks go to 1). */
export function e2eSecondAppUrl(): string {
  return `http://localhost:${required("E2E_PORT_2")}`;
}

/** Where an app server's stdout and stderr are copied, for the secrets scan of global teardown. */
export function e2eAppLogPath(instance: AppInstance): string {
  return path.join(tmpdir(), `${e2eDatabaseName()}-app-${instance}.log`);
}

export function e2eAppEnv(instance: AppInstance = 1): AppEnv {
  const port = required(instance === 1 ? "E2E_PORT" : "E2E_PORT_2");
  return {
    DATABASE_URL: e2eDatabaseUrl(),
    PORT: port,
    APP_BASE_URL: `http://localhost:${port}`,
    AUTH_SECRET: required("E2E_AUTH_SECRET"),
    TOKEN_ENCRYPTION_KEY: required("E2E_TOKEN_ENCRYPTION_KEY"),
    EMAIL_TRANSPORT: "smtp",
    SMTP_URL: `smtp://127.0.0.1:${required("E2E_SMTP_PORT")}`,
    ZOOM_CLIENT_ID: "carevisit-e2e-client",
    ZOOM_CLIENT_SECRET: "carevisit-e2e-secret",
    ZOOM_WEBHOOK_SECRET_TOKEN: "carevisit-e2e-webhook-secret",
    ZOOM_OAUTH_BASE_URL: e2eZoomUrl(),
    ZOOM_API_BASE_URL: `${e2eZoomUrl()}/v2`,
    ZOOM_TELEHEALTH_BASE_URL: e2eZoomUrl(),
    NEXT_TELEMETRY_DISABLED: "1",
    // Everything the app logs in production (info and up) is scanned for secrets after the run.
    LOG_LEVEL: "info",
    // Server 1 stands as if behind one reverse proxy, so that specs that fail sign-ins on purpose
    // can post from addresses of their own (X-Forwarded-For); server 2 has none, as by default.
    TRUSTED_PROXY_COUNT: instance === 1 ? "1" : "0",
    // pg-boss would share the scheduled jobs between the two; one runner is enough here.
    RUN_BACKGROUND_JOBS: instance === 1 ? "true" : "false",
  };
}
