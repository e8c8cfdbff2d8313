import { randomBytes } from "node:crypto";

import pg from "pg";

// Throw-away databases on a real PostgreSQL for integration and e2e runs. TEST_DATABASE_URL names
// the server (and a database to connect to for CREATE/DROP); nothing else is touched there.

export const DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

/** Refuses anything but a local server: tests create and drop databases. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database host (${host}).`);
  }
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

async function withAdmin<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name: ${name}`);
  return `"${name}"`;
}

export async function createDatabase(
  serverUrl: string,
  name: string,
  template?: string,
): Promise<string> {
  await withAdmin(serverUrl, async (client) => {
    const from = template ? ` TEMPLATE ${quoteIdentifier(template)}` : "";
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdentifier(name)}${from}`);
        return;
      } catch (error) {
        // Two copies of one template at the same instant can collide; a moment later they don't.
        const isBusy =
          error instanceof Error && /being accessed by other users/.test(error.message);
        if (!isBusy || attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return databaseUrl(serverUrl, name);
}

export async function dropDatabases(serverUrl: string, names: string[]): Promise<void> {
  await withAdmin(serverUrl, async (client) => {
    for (const name of names)
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  });
}

/** Lets new connections into the database, or refuses them; connections already open stay. */
export async function allowConnections(
  serverUrl: string,
  name: string,
  allow: boolean,
): Promise<void> {
  await withAdmin(serverUrl, (client) =>
    client.query(`ALTER DATABASE ${quoteIdentifier(name)} ALLOW_CONNECTIONS ${allow}`),
  );
}

/** Drops every database whose name starts with the prefix (a run's leftovers). */
export async function dropDatabasesLike(serverUrl: string, prefix: string): Promise<void> {
  const names = await withAdmin(serverUrl, async (client) => {
    const result = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    return result.rows.map((row) => row.datname);
  });
  await dropDatabases(serverUrl, names);
}
