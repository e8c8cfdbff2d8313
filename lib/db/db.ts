import "server-only";

import type pg from "pg";

import { createDbClientOnPool, createPool, type Db } from "@/lib/db/db-client";
import { env } from "@/lib/env";

export type { Db, Tx } from "@/lib/db/db-client";

const globalForDb = globalThis as unknown as { carevisitDb?: Db; carevisitPool?: pg.Pool };

/** The process's one connection pool, shared by Prisma (`db`) and plain SQL (lib/db/sql.ts). */
export function dbPool(): pg.Pool {
  // One pool per process, kept across development hot reloads.
  globalForDb.carevisitPool ??= createPool(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
  return globalForDb.carevisitPool;
}

function getClient(): Db {
  globalForDb.carevisitDb ??= createDbClientOnPool(dbPool(), {
    logQueries: env.LOG_QUERIES && env.NODE_ENV === "development",
  });
  return globalForDb.carevisitDb;
}

/** The app's PrismaClient, created on first use so that importing it (e.g. in `next build`) needs no environment. */
export const db: Db = new Proxy({} as Db, {
  get(_target, key) {
    const client = getClient();
    const value: unknown = Reflect.get(client, key);
    return typeof value === "function"
      ? (value as (...args: unknown[]) => unknown).bind(client)
      : value;
  },
});
