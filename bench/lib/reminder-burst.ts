// The reminder row of `npm run bench`: 10,000 reminders come due in the same minute (a big clinic's
// morning) while two production app processes run the background jobs, each with its dispatcher;
// a local SMTP sink (smtp-server) counts what it is handed, by Message-ID. Goal: all of them
// within 60 s of coming due, each exactly once.
import { SMTPServer } from "smtp-server";

import type { Db } from "@/lib/db/db-client";

import { type AppServer, startApp } from "./app-server";

export const REMINDERS = 10_000;
const GOAL_MS = 60_000;
const TIMEOUT_MS = 180_000;

export type ReminderBurstResult = {
  reminders: number;
  received: number;
  unique: number;
  sentRows: number;
  lastMs: number | null;
  p50Ms: number;
  met: boolean;
};

type Sink = { url: string; arrivals: Map<string, number[]>; close: () => Promise<void> };

async function startSink(): Promise<Sink> {
  const arrivals = new Map<string, number[]>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        const id = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? "missing";
        arrivals.set(id, [...(arrivals.get(id) ?? []), performance.now()]);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrivals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * 10,000 subjects given an address, each a visit in 20 minutes and its 15-minute reminder, due now,
 * in one transaction that tells the dispatchers as queuing does.
 */
async function queueDueReminders(db: Db, organizationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      WITH picked AS (
        SELECT s."id" FROM "Subject" s
         WHERE s."organizationId" = ${organizationId}::uuid
           AND NOT EXISTS (SELECT 1 FROM "Visit" v WHERE v."subjectId" = s."id")
         ORDER BY s."id" LIMIT ${REMINDERS}),
      addressed AS (
        UPDATE "Subject" s SET "email" = 'reminder-' || s."id" || '@bench.test'
          FROM picked WHERE s."id" = picked."id" RETURNING s."id", s."email"),
      provider AS (
        SELECT "id" FROM "User" WHERE "organizationId" = ${organizationId}::uuid
           AND "role" = 'CARE_TEAM' ORDER BY "email" LIMIT 1),
      visits AS (
        INSERT INTO "Visit" ("id", "organizationId", "subjectId", "providerId", "createdById",
                             "scheduledStart", "durationMinutes", "status", "updatedAt")
        SELECT gen_random_uuid(), ${organizationId}::uuid, a."id", p."id", p."id",
               date_trunc('minute', now()) + interval '20 minutes', 30, 'SCHEDULED', now()
          FROM addressed a, provider p
        RETURNING "id", "subjectId")
      INSERT INTO "VisitMessage" ("id", "organizationId", "visitId", "kind", "recipient",
                                  "sequence", "offsetMinutes", "toAddress", "notBefore", "updatedAt")
      SELECT gen_random_uuid(), ${organizationId}::uuid, v."id", 'REMINDER', 'PATIENT', 0, 15,
             a."email", now(), now()
        FROM visits v JOIN addressed a ON a."id" = v."subjectId"`;
    await tx.$executeRaw`SELECT pg_notify('visit_messages', '*')`;
  });
}

export async function measureReminderBurst(
  db: Db,
  databaseUrl: string,
  organizationId: string,
  ports: [number, number],
): Promise<ReminderBurstResult> {
  const sink = await startSink();
  const apps: AppServer[] = [];
  try {
    const env = { RUN_BACKGROUND_JOBS: "true", SMTP_URL: sink.url };
    // One after the other: the first creates pg-boss's schema (two at once on a fresh database
    // deadlock, and the loser retries its jobs 30 s later). Both listen once their jobs started.
    for (const port of ports) {
      apps.push(await startApp(databaseUrl, port, env));
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
    const started = performance.now();
    await queueDueReminders(db, organizationId);
    const deadline = started + TIMEOUT_MS;
    while (sink.arrivals.size < REMINDERS && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const firsts = [...sink.arrivals.values()]
      .map((times) => (times[0] ?? 0) - started)
      .sort((a, b) => a - b);
    const received = [...sink.arrivals.values()].reduce((sum, times) => sum + times.length, 0);
    const sentRows = await db.visitMessage.count({
      where: { status: "SENT", kind: "REMINDER", toAddress: { endsWith: "@bench.test" } },
    });
    const lastMs = sink.arrivals.size === REMINDERS ? (firsts.at(-1) ?? null) : null;
    return {
      reminders: REMINDERS,
      received,
      unique: sink.arrivals.size,
      sentRows,
      lastMs,
      p50Ms: firsts[Math.floor(firsts.length / 2)] ?? 0,
      met: lastMs !== null && lastMs < GOAL_MS && received === REMINDERS && sentRows === REMINDERS,
    };
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await sink.close();
  }
}
