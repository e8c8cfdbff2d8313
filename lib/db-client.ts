import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/generated/prisma/client";

// How every PrismaClient is made: the app's (lib/db.ts) and those of scripts and tests.
// Encrypted and hashed columns are omitted from results unless a query selects them.
const OMIT_SECRETS = {
  user: { passwordHash: true },
  visit: { zoomStartUrl: true, zoomPassword: true },
  zoomConnection: { accessToken: true, refreshToken: true },
  oAuthState: { codeVerifier: true },
  telehealthSettings: { apiSecret: true, notifierPasswordHash: true },
  oneTimeCode: { codeHash: true },
} as const;

export type DbClientOptions = { poolSize?: number; logQueries?: boolean };

export function createDbClient(connectionString: string, options: DbClientOptions = {}) {
  const adapter = new PrismaPg({
    connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({
    adapter,
    omit: OMIT_SECRETS,
    // Errors reach callers, which log them as JSON (ids only); Prisma's own error lines would be a
    // second, unstructured copy (e.g. for every duplicate webhook delivery).
    log: options.logQueries ? ["query", "warn"] : ["warn"],
  });
}

export type Db = ReturnType<typeof createDbClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
