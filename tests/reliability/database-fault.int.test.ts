import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { NotificationOutcome } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { env } from "@/lib/env";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { allowConnections } from "@/tests/support/test-database";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { TEST_ZOOM_WEBHOOK_SECRET } from "@/tests/support/zoom-emulator-process";
import { buildZoomDedupeKey } from "@/lib/zoom/webhook/dedupe-key";
import { handleZoomWebhook } from "@/lib/zoom/webhook/handle-zoom-webhook";

import { createSeededRandom } from "./seeded-random";
import {
  asStoredState,
  createMeetingVisits,
  mapWithConcurrency,
  type MeetingVisit,
  readVisitState,
} from "./visit-fixtures";
import {
  expectedVisitState,
  generateVisitScript,
  PARTICIPANT_EVENT_KINDS,
  type ScriptEvent,
  toEnvelope,
} from "./visit-scripts";
import { serializeEnvelope, signedDelivery, type ZoomEnvelope } from "./zoom-deliveries";

// The database drops the app's connections (a failover, a restart, an admin's
// pg_terminate_backend) while webhooks are being applied. Every event must then be either stored
// and applied in full (2xx) or refused with 503 so that Zoom retries; nothing half-written; no
// exception, no 4xx (Zoom would drop the event), no 500. And the app must serve again by itself.

const context = withZoomEmulator();

const SEED = 20_261_203;
const VISITS = 10;
const EVENTS_PER_VISIT = 50;
/** Fewer than the pool's connections: see the known bug below. */
const CONCURRENCY = 8;
/** After how many answers the connections are cut. */
const FAULT_AFTER = 150;

let admin: pg.Client;

beforeAll(async () => {
  // A connection of its own to the test database, outside the app's pool.
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
});

afterAll(async () => {
  await admin.end();
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Cuts the app's connections to the test database (all, or those inside a transaction), once one
 * of them is inside a transaction (or after about a second), and with `refuseForMs` refuses new
 * connections that long, so that what is retried meanwhile fails too (else the retries of a cut
 * batch may all succeed on fresh connections). Returns how many were cut and how many of those
 * were inside a transaction.
 */
async function cutAppConnections(options: { onlyInTransaction: boolean; refuseForMs?: number }) {
  const database = new URL(process.env.DATABASE_URL ?? "").pathname.slice(1);
  if (options.refuseForMs) await allowConnections(inject("testServerUrl"), database, false);
  try {
    // Looking for a transaction and cutting are one statement: a transaction seen by one query
    // could have committed before the next one cut it.
    for (let attempt = 0; attempt < 500; attempt++) {
      const cut = await terminateAppConnectionsIfInTransaction(options.onlyInTransaction);
      if (cut.inTransaction > 0) return cut;
      await sleep(2);
    }
    return { cut: 0, inTransaction: 0 };
  } finally {
    if (options.refuseForMs) {
      await sleep(options.refuseForMs);
      await allowConnections(inject("testServerUrl"), database, true);
    }
  }
}

/** Cuts the app's connections (all, or those in a transaction) only while one is in a transaction. */
async function terminateAppConnectionsIfInTransaction(onlyInTransaction: boolean) {
  const cut = await admin.query<{ cut: number; inTransaction: number }>(
    `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS "cut",
            count(*) FILTER (WHERE xact_start IS NOT NULL)::int AS "inTransaction"
     FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()
       AND (xact_start IS NOT NULL OR NOT $1)
       AND EXISTS (SELECT 1 FROM pg_stat_activity busy
                    WHERE busy.datname = current_database() AND busy.pid <> pg_backend_pid()
                      AND busy.xact_start IS NOT NULL)`,
    [onlyInTransaction],
  );
  return cut.rows[0] ?? { cut: 0, inTransaction: 0 };
}

type Answer = { envelope: ZoomEnvelope; status: number; body: unknown };

const deliver = (envelope: ZoomEnvelope): Promise<Answer> =>
  handleZoomWebhook(
    signedDelivery(serializeEnvelope(envelope), {
      secret: TEST_ZOOM_WEBHOOK_SECRET,
      now: new Date(),
    }),
  ).then(
    ({ status, body }) => ({ envelope, status, body }),
    (error: unknown) => ({ envelope, status: -1, body: `threw: ${String(error)}` }),
  );

let organizationId: string;
let visits: MeetingVisit[];

beforeAll(async () => {
  const clinic = await createLinkedClinic(context.zoom);
  organizationId = clinic.organization.id;
  visits = await createMeetingVisits({
    organizationId,
    zoomAccountId: clinic.account.id,
    staff: clinic.admin,
    count: VISITS,
    random: createSeededRandom(SEED),
    firstMeetingId: 85_200_000_000n,
  });
});

describe("webhooks while the database drops the app's connections", () => {
  it("store each event in full or answer 503, and serve again afterwards", async () => {
    const random = createSeededRandom(SEED + 1);
    const scripts: ScriptEvent[][] = visits.map((visit, index) =>
      generateVisitScript(random, {
        startsAt: Date.UTC(2026, 2, 3, 9) + index * 3_600_000,
        size: EVENTS_PER_VISIT,
        members: visit.members,
        providerIndex: visit.providerIndex,
      }),
    );
    const events = random.shuffle(
      visits.flatMap((visit, index) =>
        (scripts[index] ?? []).map((scripted) => toEnvelope(visit.meeting, scripted)),
      ),
    );

    let answered = 0;
    let fault: ReturnType<typeof cutAppConnections> | undefined;
    const answers = await mapWithConcurrency(events, CONCURRENCY, async (envelope) => {
      const answer = await deliver(envelope);
      if (++answered === FAULT_AFTER)
        fault = cutAppConnections({ onlyInTransaction: false, refuseForMs: 300 });
      return answer;
    });
    const cut = await fault;

    // The fault was real: connections were cut, some inside a transaction, and deliveries failed.
    expect(cut?.inTransaction).toBeGreaterThan(0);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    // Nothing else than "stored" or "retry later": no exception, no 4xx, no 500.
    expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 503)).toEqual([]);
    for (const answer of refused)
      expect(answer.body).toEqual({
        error: { code: "unavailable", message: "The event could not be stored; retry later" },
      });

    // Every acknowledged event is stored.
    const acknowledged = answers.filter((answer) => answer.status === 200);
    const stored = new Set(
      (
        await db.inboundNotification.findMany({
          where: { organizationId },
          select: { dedupeKey: true },
        })
      ).map((row) => row.dedupeKey),
    );
    expect(
      acknowledged.filter((answer) => !stored.has(buildZoomDedupeKey(answer.envelope))),
    ).toEqual([]);
    const storedAnyway = refused.filter((answer) =>
      stored.has(buildZoomDedupeKey(answer.envelope)),
    );
    console.info(
      `database fault: ${events.length} events; ${cut?.cut} connections cut, ${cut?.inTransaction} inside a transaction; ${refused.length} answered 503 (${storedAnyway.length} of them committed all the same)`,
    );

    // The app serves again, on the same client, without a restart.
    const [first] = visits;
    if (!first) throw new Error("no visit");
    const serving: ScriptEvent[] = [1, 2, 3, 4, 5].map((minute) => ({
      event: minute % 2 === 1 ? "meeting.participant_joined" : "meeting.participant_left",
      at: Date.UTC(2026, 2, 4, 9, minute),
      member: first.members[0] ?? null,
    }));
    for (const scripted of serving)
      expect(await deliver(toEnvelope(first.meeting, scripted))).toMatchObject({
        status: 200,
        body: { status: "applied" },
      });
    scripts[0]?.push(...serving);

    // Zoom retries what was refused; then every event is there once, in full.
    for (const answer of refused)
      expect((await deliver(answer.envelope)).status, JSON.stringify(answer.envelope)).toBe(200);
    const notifications = await db.inboundNotification.findMany({
      where: { organizationId },
      select: {
        eventType: true,
        outcome: true,
        visitId: true,
        participantEvent: { select: { id: true } },
      },
    });
    expect(notifications).toHaveLength(events.length + serving.length);
    const participantEventTypes = new Set<string>(Object.keys(PARTICIPANT_EVENT_KINDS));
    const halfWritten = notifications.filter(
      (row) =>
        row.outcome !== NotificationOutcome.APPLIED ||
        row.visitId === null ||
        (participantEventTypes.has(row.eventType) && row.participantEvent === null),
    );
    expect(halfWritten).toEqual([]);

    for (const [index, visit] of visits.entries()) {
      const expected = asStoredState(expectedVisitState(scripts[index] ?? []));
      expect(await readVisitState(visit.id), `visit #${index}`).toEqual(expected);
    }
  }, 120_000);

  // A cut transaction's connection must go back to the pool (discarded), or once DATABASE_POOL_SIZE
  // transactions were cut every query would wait for a connection until the process restarted.
  // Webhooks run in withSqlTransaction (lib/db/sql.ts), which discards it; Prisma's transaction
  // manager (client engine, 6.19) would keep it, as its ROLLBACK fails, and lib/db/db-client.ts gives
  // such connections back.
  it("serves again after more transactions were cut than the pool has connections", async () => {
    const [, visit] = visits;
    if (!visit) throw new Error("no visit");
    const event = (minute: number, second: number) =>
      toEnvelope(visit.meeting, {
        event: second % 2 === 0 ? "meeting.participant_joined" : "meeting.participant_left",
        at: Date.UTC(2026, 2, 5, 9, minute, second),
        member: visit.members[second % visit.members.length] ?? null,
      });
    let cutInTransactions = 0;
    for (let round = 0; round < 6 && cutInTransactions <= env.DATABASE_POOL_SIZE; round++) {
      const batch = Promise.all(
        Array.from({ length: CONCURRENCY }, (_, index) => deliver(event(round, index))),
      );
      const { inTransaction } = await cutAppConnections({ onlyInTransaction: true });
      await batch;
      if (inTransaction === 0) break; // nothing got a connection any more
      cutInTransactions += inTransaction;
    }
    expect(await deliver(event(59, 0))).toMatchObject({ status: 200 });
  }, 90_000);
});
