import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "@/generated/prisma/client";

// How every PrismaClient is made: the app's (lib/db/db.ts) and those of scripts and tests.
// Encrypted and hashed columns are omitted from results unless a query selects them.
const OMIT_SECRETS = {
  user: { passwordHash: true },
  visit: { zoomJoinUrl: true, zoomStartUrl: true, zoomPassword: true },
  visitRegistrant: { joinUrl: true },
  zoomConnection: { accessToken: true, refreshToken: true },
  oAuthState: { codeVerifier: true },
  telehealthSettings: { apiSecret: true, notifierPasswordHash: true },
  oneTimeCode: { codeHash: true },
} as const;

export type DbClientOptions = { poolSize?: number; logQueries?: boolean };

/**
 * The connection pool, with one repair: when a transaction's connection dies (a database restart,
 * `pg_terminate_backend`), Prisma's adapter tries a ROLLBACK and, as that fails, never hands the
 * connection back. Each such transaction would take one pooled connection for good, until every
 * query waited for a connection and the process had to restart. A lent connection that ends is
 * therefore given back (and discarded) here; a second release by its borrower is refused by pg,
 * harmlessly, since the borrower has already failed.
 */
export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000 });
  pool.on("connect", (client) => {
    // A lent connection's failure reaches its borrower through the failing query; unheard, the
    // client's own error event would crash the process.
    client.on("error", () => undefined);
    client.on("end", () => {
      try {
        client.release(true);
      } catch {
        // Idle, or already given back.
      }
    });
  });
  return pool;
}

export function createDbClient(connectionString: string, options: DbClientOptions = {}) {
  return createDbClientOnPool(createPool(connectionString, options.poolSize), options);
}

/** A PrismaClient that owns `pool` (its $disconnect ends it); the app shares it with lib/db/sql.ts. */
export function createDbClientOnPool(
  pool: pg.Pool,
  options: Pick<DbClientOptions, "logQueries"> = {},
) {
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({
    adapter,
    omit: OMIT_SECRETS,
    // Errors reach callers, which log them as JSON (ids only); Prisma's own error lines would be a
    // second, unstructured copy (e.g. for every duplicate webhook delivery).
    log: options.logQueries ? ["query", "warn"] : ["warn"],
  });
}

export type Db = ReturnType<typeof createDbClientOnPool>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
