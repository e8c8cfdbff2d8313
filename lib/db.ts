import "server-only";

import { createDbClient, type Db } from "@/lib/db-client";
import { env } from "@/lib/env";

export type { Db, Tx } from "@/lib/db-client";

const globalForDb = globalThis as unknown as { carevisitDb?: Db };

function getClient(): Db {
  // One pool per process, kept across development hot reloads.
  globalForDb.carevisitDb ??= createDbClient(env.DATABASE_URL, {
    poolSize: env.DATABASE_POOL_SIZE,
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
