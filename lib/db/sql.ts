import "server-only";

import pg from "pg";

import { Prisma } from "@/generated/prisma/client";
import { dbPool, type Tx } from "@/lib/db/db";

// Plain SQL for the hot paths, where Prisma's per-query cost (~0.5 ms of CPU) would decide the
// throughput. Every hand-written statement is a `Prisma.sql` tagged template, built in the
// `<use-case>.sql.ts` file beside the use case that runs it, with the type of its rows. The same
// statements run inside a Prisma transaction (`sqlOf(tx)` or `tx.$queryRaw`), on a pooled
// connection of their own (`withSqlTransaction`) or, one statement at a time, on the pool
// (`pooledSql`), and give the same values every way because they follow four rules:
// - timestamps are sent as `toISOString()` strings and cast (`${sqlTime(at)}::timestamp(3)`);
// - bigints (ids, meeting ids) are sent as strings and read back as text (`id::text`);
// - enums are read back as text, and written from the Prisma enums (`sqlEnum`, or a cast parameter);
// - a statement's shape never depends on its values' count: arrays go in as one `unnest` parameter.

export type Sql = {
  query<Row>(statement: Prisma.Sql): Promise<Row[]>;
  execute(statement: Prisma.Sql): Promise<number>;
};

export function sqlOf(tx: Tx): Sql {
  return {
    query: (statement) => tx.$queryRaw(statement),
    execute: (statement) => tx.$executeRaw(statement),
  };
}

/**
 * A Prisma enum's value as a SQL literal (`'ENDED'`), where a statement compares with a constant:
 * the value comes from generated/prisma/enums, and the planner still sees a constant.
 */
export function sqlEnum(value: string): Prisma.Sql {
  if (!/^[A-Z][A-Z0-9_]*$/.test(value)) throw new Error(`Not an enum value: ${value}`);
  return Prisma.raw(`'${value}'`);
}

const DATE = 1082;
const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

/**
 * Prisma stores UTC in `timestamp(3)` columns and reads a `date` as its UTC midnight; pg would read
 * both as local time.
 */
const utcTimestamps = {
  getTypeParser: (oid: number, format?: "text" | "binary"): unknown =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : oid === DATE
        ? (value: string) => new Date(`${value}T00:00:00Z`)
        : pg.types.getTypeParser(oid, format),
};

function sqlOfClient(client: pg.PoolClient | pg.Pool): Sql {
  return {
    query: async <Row>({ text, values }: Prisma.Sql) =>
      (await client.query({ text, values, types: utcTimestamps })).rows as Row[],
    execute: async ({ text, values }) => (await client.query({ text, values })).rowCount ?? 0,
  };
}

/** Single statements on the pool, each in a transaction of its own (autocommit). */
export const pooledSql: Sql = {
  query: (statement) => sqlOfClient(dbPool()).query(statement),
  execute: (statement) => sqlOfClient(dbPool()).execute(statement),
};

/**
 * Runs `work` in a transaction on one pooled connection and resolves only once it has committed.
 * A failed transaction's connection is discarded, not reused.
 */
export async function withSqlTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await dbPool().connect();
  let failure: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(sqlOfClient(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    try {
      client.release(failure);
    } catch {
      // A connection that ended was given back already (lib/db/db-client.ts, createPool).
    }
  }
}

/** A timestamp(3) column inside JSON, as `Date.toISOString()` writes it (Prisma stores UTC). */
export const sqlJsonTime = (column: string): string =>
  `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** ISO text for a timestamp parameter (see the rules above). */
export const sqlTime = (date: Date | null): string | null => date?.toISOString() ?? null;
