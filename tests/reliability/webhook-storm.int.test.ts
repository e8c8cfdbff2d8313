import { describe, expect, it } from "vitest";

import { NotificationOutcome } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { TEST_ZOOM_WEBHOOK_SECRET } from "@/tests/support/zoom-emulator-process";
import type { InboundOutcome } from "@/lib/inbound/inbound-outcome";
import { handleZoomWebhook } from "@/lib/zoom/webhook/handle-zoom-webhook";

import { createSeededRandom } from "./seeded-random";
import {
  asStoredState,
  createMeetingVisits,
  mapWithConcurrency,
  readVisitState,
} from "./visit-fixtures";
import {
  expectedVisitState,
  generateVisitScript,
  isParticipantEventName,
  type ScriptEvent,
  toEnvelope,
} from "./visit-scripts";
import { serializeEnvelope, signedDelivery } from "./zoom-deliveries";

// 10,000 meeting and participant events of 100 visits, 30 % of them delivered twice, all in one
// shuffled stream, 8 at a time, as Zoom's retries and parallel deliveries would bring them. Every
// event must be stored once and every visit end in the state that deriveVisitState gives for its
// events: the app's state may not depend on arrival order, duplicates or concurrency.

const context = withZoomEmulator();

const SEED = 20_260_302;
const VISITS = 100;
const EVENTS_PER_VISIT = 100;
const DUPLICATE_SHARE = 0.3;
const CONCURRENCY = 8;

describe("a storm of Zoom webhooks", () => {
  it("stores each of 10,000 shuffled, partly duplicated events once and derives every visit from its events", async () => {
    const random = createSeededRandom(SEED);
    const clinic = await createLinkedClinic(context.zoom);
    const organizationId = clinic.organization.id;
    const visits = await createMeetingVisits({
      organizationId,
      zoomAccountId: clinic.account.id,
      staff: clinic.admin,
      count: VISITS,
      random,
    });

    // Visit sizes vary (pairs of visits add up to 2 × EVENTS_PER_VISIT).
    const scripts: ScriptEvent[][] = [];
    let spread = 0;
    for (const [index, visit] of visits.entries()) {
      if (index % 2 === 0) spread = random.int(-40, 40);
      scripts.push(
        generateVisitScript(random, {
          startsAt: Date.UTC(2026, 2, 2, 14) + index * 3_600_000,
          size: EVENTS_PER_VISIT + (index % 2 === 0 ? spread : -spread),
          members: visit.members,
          providerIndex: visit.providerIndex,
        }),
      );
    }
    const unique = visits.flatMap((visit, index) =>
      (scripts[index] ?? []).map((scripted) => ({
        envelope: toEnvelope(visit.meeting, scripted),
        isParticipant: isParticipantEventName(scripted.event),
      })),
    );
    const bodies: string[] = [];
    let duplicates = 0;
    for (const { envelope } of unique) {
      bodies.push(serializeEnvelope(envelope));
      if (!random.chance(DUPLICATE_SHARE)) continue;
      bodies.push(serializeEnvelope(envelope, random.chance(0.5)));
      duplicates++;
    }
    const stream = random.shuffle(bodies);
    expect(unique.length).toBeGreaterThanOrEqual(10_000);

    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    const outcomes = await mapWithConcurrency(stream, CONCURRENCY, (body) =>
      handleZoomWebhook(
        signedDelivery(body, { secret: TEST_ZOOM_WEBHOOK_SECRET, now: new Date() }),
      ).catch((error: unknown): InboundOutcome => ({ status: -1, body: String(error) })),
    );
    const seconds = (performance.now() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMsPerDelivery = (cpu.user + cpu.system) / 1000 / stream.length;
    console.info(
      `webhook storm: ${unique.length} events + ${duplicates} duplicates = ${stream.length} deliveries, ${VISITS} visits, ${CONCURRENCY} at a time: ${seconds.toFixed(1)} s, ${(stream.length / seconds).toFixed(0)} deliveries/s, ${cpuMsPerDelivery.toFixed(2)} ms of this process's CPU each (no HTTP)`,
    );

    expect(outcomes.filter((outcome) => outcome.status !== 200)).toEqual([]);
    const answers = new Map<string, number>();
    for (const { body } of outcomes) {
      const status = (body as { status: string }).status;
      answers.set(status, (answers.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(answers)).toEqual({
      applied: unique.length,
      duplicate: duplicates,
    });

    expect(await db.inboundNotification.count({ where: { organizationId } })).toBe(unique.length);
    expect(
      await db.inboundNotification.count({
        where: { organizationId, outcome: NotificationOutcome.APPLIED, visitId: { not: null } },
      }),
    ).toBe(unique.length);
    expect(await db.participantEvent.count({ where: { visit: { organizationId } } })).toBe(
      unique.filter((event) => event.isParticipant).length,
    );
    for (const [index, visit] of visits.entries()) {
      const expected = asStoredState(expectedVisitState(scripts[index] ?? []));
      expect(await readVisitState(visit.id), `visit #${index}`).toEqual(expected);
    }
  }, 240_000);
});
