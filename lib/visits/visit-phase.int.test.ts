import { describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import { PatientPresence, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { listVisits } from "@/lib/visits/list-visits";
import { deriveVisitPhase, visitPhaseSelect } from "@/lib/visits/visit-phase";
import { visitPhaseSql } from "@/lib/visits/visit-phase.sql";
import { createVisit } from "@/prisma/factories";
import { createClinic } from "@/tests/support/viewers";

const NOW = new Date("2026-11-23T15:00:00.000Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** One row per rule and per boundary of deriveVisitPhase, each with the phase it must get. */
const CASES: [string, Partial<Prisma.VisitUncheckedCreateInput>][] = [
  ["upcoming", { scheduledStart: at(16) }],
  ["joinable at the window's first minute", { scheduledStart: at(15) }],
  ["joinable at its last minute", { scheduledStart: at(-29), durationMinutes: 30 }],
  ["ended when the slot is over", { scheduledStart: at(-30), durationMinutes: 30 }],
  ["cancelled", { status: VisitStatus.CANCELLED, cancelledAt: at(-5) }],
  [
    "cancelled by its time alone",
    { cancelledAt: at(-5), patientPresence: PatientPresence.WAITING },
  ],
  [
    "ended before its start",
    { scheduledStart: at(30), status: VisitStatus.ENDED, endedAt: at(-1) },
  ],
  ["no-show of an ended meeting", { status: VisitStatus.ENDED, noShowAt: at(-1) }],
  ["live: patient waiting", { patientPresence: PatientPresence.WAITING }],
  ["live: patient in the meeting", { patientPresence: PatientPresence.IN_MEETING }],
  [
    "live: waiting after the no-show mark",
    { patientPresence: PatientPresence.WAITING, noShowAt: at(-1) },
  ],
  [
    "no-show with the provider still in",
    {
      status: VisitStatus.IN_PROGRESS,
      isProviderPresent: true,
      noShowAt: at(-1),
      scheduledStart: at(-60),
    },
  ],
  [
    "live: meeting started",
    { status: VisitStatus.IN_PROGRESS, startedAt: at(-3), scheduledStart: at(-120) },
  ],
  ["live: provider present", { isProviderPresent: true, scheduledStart: at(60) }],
  ["patient left: by the clock", { patientPresence: PatientPresence.LEFT, scheduledStart: at(60) }],
  ["no-show by the job", { scheduledStart: at(-60), noShowAt: at(-10) }],
];

describe("visitPhaseSql", () => {
  it("gives every visit the phase deriveVisitPhase gives it", async () => {
    const clinic = await createClinic(db);
    const base = {
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
    };
    const ids = new Map<string, string>();
    for (const [name, overrides] of CASES)
      ids.set((await createVisit(db, { ...base, ...overrides })).id, name);

    const rows = await db.visit.findMany({
      where: { id: { in: [...ids.keys()] } },
      select: { id: true, ...visitPhaseSelect },
    });
    const inSql = await db.$queryRaw<{ id: string; phase: string }[]>(
      Prisma.sql`SELECT v."id"::text AS "id", ${visitPhaseSql(Prisma.raw("v"), NOW)} AS "phase"
                   FROM "Visit" v WHERE v."organizationId" = ${base.organizationId}::uuid`,
    );
    const sqlPhase = new Map(inSql.map((row) => [row.id, row.phase]));
    const table = rows.map((row) => ({
      name: ids.get(row.id),
      sql: sqlPhase.get(row.id),
      derived: deriveVisitPhase(row, NOW),
    }));
    for (const row of table) expect(row.sql, row.name).toBe(row.derived);
    // Every phase is in the table.
    expect(new Set(table.map((row) => row.derived))).toEqual(
      new Set(["upcoming", "joinable", "live", "ended", "no_show", "cancelled"]),
    );
  });

  it("lists a visit ended before its start under past, and a live one under in progress", async () => {
    const clinic = await createClinic(db);
    const base = {
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
    };
    const now = new Date();
    const inMinutes = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    const endedEarly = await createVisit(db, {
      ...base,
      scheduledStart: inMinutes(40),
      status: VisitStatus.ENDED,
      startedAt: inMinutes(-20),
      endedAt: inMinutes(-1),
    });
    const liveEarly = await createVisit(db, {
      ...base,
      scheduledStart: inMinutes(50),
      status: VisitStatus.IN_PROGRESS,
      startedAt: inMinutes(-2),
      patientPresence: PatientPresence.IN_MEETING,
    });
    const notStarted = await createVisit(db, {
      ...base,
      scheduledStart: inMinutes(-40),
      durationMinutes: 15,
    });
    const later = await createVisit(db, { ...base, scheduledStart: inMinutes(24 * 60) });

    const lists = await listVisits({
      viewer: clinic.viewers.provider,
      subjectId: base.subjectId,
      now,
    });
    expect(lists.in_progress.map((visit) => visit.id)).toEqual([liveEarly.id]);
    expect(lists.upcoming.map((visit) => visit.id)).toEqual([later.id]);
    expect(lists.past.map((visit) => visit.id)).toEqual([endedEarly.id, notStarted.id]);
  });
});
