// npm run dev — the app with demo data on the embedded PostgreSQL (or DATABASE_URL), one command.
import type { ChildProcess } from "node:child_process";

import { createDbClient } from "@/lib/db/db-client";
import { DEMO_PASSWORD } from "@/prisma/factories";
import { seedDemo } from "@/prisma/seed";

import { applyMigrations } from "@/prisma/apply-migrations";

import { startInGroup, stopAll } from "./lib/child-processes";
import { type Database, isLocalDatabase, openDatabase } from "./lib/database";
import { DEV_ZOOM, sendEpicNotificationsTo, startZoomEmulator } from "./lib/dev-zoom-emulator";
import { ensureLocalSecrets, loadDotEnv, moveLegacyDataDir } from "./lib/local-env";

const APP_START_TIMEOUT_MS = 180_000;

function say(line: string) {
  console.log(`[carevisit] ${line}`);
}

async function seedIfNeeded(url: string) {
  if (!isLocalDatabase(url)) {
    say(
      "DATABASE_URL is on another host: the demo data (with its published password) is not seeded there.",
    );
    return;
  }
  const db = createDbClient(url, { poolSize: 2 });
  try {
    const result = await seedDemo(db);
    if (result.created) say("Seeded the demo clinic.");
  } finally {
    await db.$disconnect();
  }
}

/** Resolves once `next dev` answers its health route (the database reached), or fails after a while. */
async function waitUntilServing(appUrl: string, app: ChildProcess) {
  const deadline = Date.now() + APP_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (app.exitCode !== null || app.signalCode !== null) throw new Error("next dev exited");
    const response = await fetch(`${appUrl}/api/health`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `next dev did not answer ${appUrl}/api/health within ${APP_START_TIMEOUT_MS / 1000} s`,
  );
}

/**
 * `next dev` compiles a route on its first request, which takes longer than the 3 s within which
 * Zoom (and the emulator) expect a webhook's answer: the first delivery would fail and be retried
 * minutes later. So the routes the emulator calls are requested once (refused, unsigned) before the
 * app is announced, as a production server has them compiled from the start.
 */
async function warmEmulatorRoutes(appUrl: string) {
  const started = Date.now();
  await Promise.all([
    fetch(`${appUrl}/api/zoom/webhook`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    }),
    fetch(`${appUrl}/api/telehealth/notifications`),
  ]);
  say(`Compiled the routes Zoom calls in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function main() {
  loadDotEnv();
  const children: ChildProcess[] = [];
  let database: Database | null = null;
  let stopping = false;
  // In order: the app and the emulator (and next dev's workers, in their groups) first, then the
  // database they use, so that nothing logs a lost connection on the way out.
  async function shutdown(exitCode: number) {
    if (stopping) return;
    stopping = true;
    say("Stopping…");
    await stopAll(children);
    await database?.stop();
    say("Stopped.");
    process.exit(exitCode);
  }
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  moveLegacyDataDir(say);
  const secrets = ensureLocalSecrets();
  database = await openDatabase(say);
  await applyMigrations(database.url, say);
  await seedIfNeeded(database.url);

  const port = process.env.PORT || "3000";
  const appUrl = process.env.APP_BASE_URL || `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...secrets,
    DATABASE_URL: database.url,
    APP_BASE_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!process.env.ZOOM_OAUTH_BASE_URL) {
    const zoom = await startZoomEmulator(appUrl);
    children.push(zoom.child);
    await sendEpicNotificationsTo(zoom.url, appUrl);
    Object.assign(env, {
      ZOOM_CLIENT_ID: DEV_ZOOM.clientId,
      ZOOM_CLIENT_SECRET: DEV_ZOOM.clientSecret,
      ZOOM_WEBHOOK_SECRET_TOKEN: DEV_ZOOM.webhookSecretToken,
      ZOOM_OAUTH_BASE_URL: zoom.url,
      ZOOM_API_BASE_URL: `${zoom.url}/v2`,
      ZOOM_TELEHEALTH_BASE_URL: zoom.url,
    });
    say(`Zoom emulator on ${zoom.url}: link it as zoom-admin@carevisit.test on its consent page.`);
  }
  const app = startInGroup(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "dev", "--port", port],
    env,
  );
  children.push(app);
  for (const child of children) child.on("exit", (code) => void shutdown(code ?? 1));
  if (stopping) return;

  await waitUntilServing(appUrl, app);
  await warmEmulatorRoutes(appUrl);
  say(
    `Open ${appUrl} and sign in as admin@, provider@ or patient@carevisit.test (password ${DEMO_PASSWORD}).`,
  );
  say(
    `Mail (sign-in codes, invitations) goes to ${appUrl}/dev/outbox unless SMTP_URL is set. Ctrl+C stops everything.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
