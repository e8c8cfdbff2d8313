import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { CHANGE_CHANNELS } from "@/lib/realtime/channels";

// The statements of the LISTEN connection, which is a plain pg client of its own (not the pool):
// run them with `client.query(statement.text, statement.values)`.

/** LISTEN on every channel, in one round trip. Channel names are our constants, not input. */
export const LISTEN_SQL = Prisma.raw(
  CHANGE_CHANNELS.map((channel) => `LISTEN ${channel};`).join(" "),
);

export type TriggerNameRow = { tgname: string };

/** The triggers among `names` that exist and fire (enabled, "origin" or "always"). */
export const buildEnabledTriggersSql = (names: string[]) => Prisma.sql`
  SELECT tgname FROM pg_trigger WHERE tgname = ANY(${names}::text[]) AND tgenabled IN ('O', 'A')`;

/** The heartbeat: a query that must come back in time, or the connection is lost. */
export const HEARTBEAT_SQL = Prisma.sql`SELECT 1`;
