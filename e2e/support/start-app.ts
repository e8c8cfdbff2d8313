// The Playwright webServer: a fresh database with the demo data, then the production server.
// With E2E_APP_INSTANCE=2 it starts a second server on E2E_PORT_2 over the same database, which the
// first server has prepared (Playwright starts its web servers one after another, each once ready).
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";

import { createDbClient } from "@/lib/db/db-client";
import { assertLocalDatabase, createDatabase, testServerUrl } from "@/tests/support/test-database";
import { applyMigrations } from "@/prisma/apply-migrations";
import { seedDemo } from "@/prisma/seed";
import { productionServerArgs } from "@/scripts/lib/production-server";

import { type AppInstance, e2eAppEnv, e2eAppLogPath, e2eDatabaseName } from "./environment";

async function prepareDatabase() {
  const serverUrl = testServerUrl();
  assertLocalDatabase(serverUrl);
  const url = await createDatabase(serverUrl, e2eDatabaseName());
  await applyMigrations(url, () => undefined);
  const db = createDbClient(url, { poolSize: 2 });
  await seedDemo(db);
  await db.$disconnect();
}

async function main() {
  const instance: AppInstance = process.env.E2E_APP_INSTANCE === "2" ? 2 : 1;
  if (instance === 1) await prepareDatabase();

  const appEnv = e2eAppEnv(instance);
  const app = spawn(process.execPath, productionServerArgs(appEnv.PORT), {
    env: { ...process.env, ...appEnv, NODE_ENV: "production" },
    stdio: ["inherit", "pipe", "pipe"],
  });
  // Passed on to Playwright as before, and copied to a file that global teardown scans for secrets.
  const logFile = createWriteStream(e2eAppLogPath(instance), { flags: "a" });
  app.stdout.pipe(process.stdout, { end: false });
  app.stderr.pipe(process.stderr, { end: false });
  app.stdout.pipe(logFile, { end: false });
  app.stderr.pipe(logFile, { end: false });
  const stop = () => app.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // "close", not "exit": the child's last output has then been read.
  app.on("close", (code) => logFile.end(() => process.exit(code ?? 0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
