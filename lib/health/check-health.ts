import "server-only";

import { db } from "@/lib/db/db";
import { DATABASE_PROBE_SQL } from "@/lib/health/check-health.sql";
import { errorFields, log } from "@/lib/log";

export type Health = { status: "ok" } | { status: "unavailable"; reason: string };

const DATABASE_TIMEOUT_MS = 2_000;

/** Ready when the database answers a trivial query within two seconds. */
export async function checkHealth(): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error("Database did not answer in time")),
      DATABASE_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([db.$queryRaw(DATABASE_PROBE_SQL), timeout]);
    return { status: "ok" };
  } catch (error) {
    log.warn("health.database_unavailable", errorFields(error));
    return { status: "unavailable", reason: "database" };
  } finally {
    clearTimeout(timer);
  }
}
