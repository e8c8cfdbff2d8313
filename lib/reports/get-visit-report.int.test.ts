import { describe, expect, it } from "vitest";

import { ParticipantRole, Role, VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { isAppError } from "@/lib/errors";
import { getVisitReport } from "@/lib/reports/get-visit-report";
import { parseReportFilters, type ReportFilters } from "@/lib/reports/report-filters";
import { createClinic, viewerFor } from "@/tests/support/viewers";
import { createUser, createVisit } from "@/prisma/factories";
import { seedVisitHistory } from "@/prisma/seed-visit-history";

// A clinic in New York (UTC-5 in January) with nine visits on 5–7 January 2026 and three that must
// not be counted. Every expected figure below is worked out by hand from these rows.

const NOW = new Date("2026-01-07T20:00:00Z"); // 15:00 on the 7th in New York
const at = (iso: string) => new Date(`${iso}:00Z`);

type Stay = {
  role: ParticipantRole;
  waitingRoomJoinedAt?: string;
  joinedAt?: string;
  leftAt?: string;
};

async function visitWith(
  base: { organizationId: string; subjectId: string; providerId: string },
  visit: {
    scheduledStart: string;
    status: VisitStatus;
    startedAt?: string;
    endedAt?: string;
    providerJoinedAt?: string;
  },
  stays: Stay[] = [],
) {
  const created = await createVisit(db, {
    ...base,
    durationMinutes: 30,
    scheduledStart: at(visit.scheduledStart),
    status: visit.status,
    startedAt: visit.startedAt ? at(visit.startedAt) : null,
    endedAt: visit.endedAt ? at(visit.endedAt) : null,
    providerJoinedAt: visit.providerJoinedAt ? at(visit.providerJoinedAt) : null,
  });
  await db.attendance.createMany({
    data: stays.map((stay, index) => ({
      visitId: created.id,
      participantKey: `${stay.role}:${index}`,
      sequence: 1,
      role: stay.role,
      waitingRoomJoinedAt: stay.waitingRoomJoinedAt ? at(stay.waitingRoomJoinedAt) : null,
      joinedAt: stay.joinedAt ? at(stay.joinedAt) : null,
      leftAt: stay.leftAt ? at(stay.leftAt) : null,
    })),
  });
  return created;
}

const { PATIENT, PROVIDER } = ParticipantRole;
const { ENDED, CANCELLED, SCHEDULED, IN_PROGRESS } = VisitStatus;

async function seedReportClinic() {
  const clinic = await createClinic(db);
  const organizationId = clinic.organization.id;
  const providerB = await createUser(db, { organizationId, role: Role.CARE_TEAM });
  const a = {
    organizationId,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
  };
  const b = { ...a, providerId: providerB.id };

  // 5 January (14:00Z is 09:00 in New York)
  // V1 held: patient in the waiting room 13:58, provider 14:06 → waited 8; late by 6; lasted 20.
  await visitWith(
    a,
    {
      scheduledStart: "2026-01-05T14:00",
      status: ENDED,
      startedAt: "2026-01-05T14:06",
      endedAt: "2026-01-05T14:26",
      providerJoinedAt: "2026-01-05T14:06",
    },
    [
      {
        role: PATIENT,
        waitingRoomJoinedAt: "2026-01-05T13:58",
        joinedAt: "2026-01-05T14:06",
        leftAt: "2026-01-05T14:26",
      },
      { role: PROVIDER, joinedAt: "2026-01-05T14:06", leftAt: "2026-01-05T14:26" },
    ],
  );
  // V2 held: patient 14:59, provider 15:02 → waited 3; on time (2 min); lasted 30.
  await visitWith(
    a,
    {
      scheduledStart: "2026-01-05T15:00",
      status: ENDED,
      startedAt: "2026-01-05T15:02",
      endedAt: "2026-01-05T15:32",
      providerJoinedAt: "2026-01-05T15:02",
    },
    [
      { role: PATIENT, waitingRoomJoinedAt: "2026-01-05T14:59", joinedAt: "2026-01-05T15:03" },
      { role: PROVIDER, joinedAt: "2026-01-05T15:02" },
    ],
  );
  // V3 cancelled (provider B).
  await visitWith(b, { scheduledStart: "2026-01-05T16:00", status: CANCELLED });

  // 6 January
  // V4 held (B): the provider was first (13:55), so no wait; the patient rejoined (first arrival
  // 14:01 counts); lasted 40; on time.
  await visitWith(
    b,
    {
      scheduledStart: "2026-01-06T14:00",
      status: ENDED,
      startedAt: "2026-01-06T13:55",
      endedAt: "2026-01-06T14:35",
      providerJoinedAt: "2026-01-06T13:55",
    },
    [
      { role: PROVIDER, joinedAt: "2026-01-06T13:55", leftAt: "2026-01-06T14:35" },
      {
        role: PATIENT,
        waitingRoomJoinedAt: "2026-01-06T14:01",
        joinedAt: "2026-01-06T14:01",
        leftAt: "2026-01-06T14:10",
      },
      { role: PATIENT, joinedAt: "2026-01-06T14:20", leftAt: "2026-01-06T14:35" },
    ],
  );
  // V5 no-show (B): never started, its half hour is long over.
  await visitWith(b, { scheduledStart: "2026-01-06T15:00", status: SCHEDULED });
  // V6 no-show (A): the provider started 10 minutes late; the patient sat in the waiting room from
  // 16:00 to 16:05 and left, never admitted. Late start: yes. Wait: not counted (not held).
  await visitWith(
    a,
    {
      scheduledStart: "2026-01-06T16:00",
      status: ENDED,
      startedAt: "2026-01-06T16:10",
      endedAt: "2026-01-06T16:20",
      providerJoinedAt: "2026-01-06T16:10",
    },
    [
      { role: PATIENT, waitingRoomJoinedAt: "2026-01-06T16:00", leftAt: "2026-01-06T16:05" },
      { role: PROVIDER, joinedAt: "2026-01-06T16:10", leftAt: "2026-01-06T16:20" },
    ],
  );

  // 7 January
  // V7 held: patient 13:50, provider 14:20 → waited 30; late by 20; lasted 25.
  await visitWith(
    a,
    {
      scheduledStart: "2026-01-07T14:00",
      status: ENDED,
      startedAt: "2026-01-07T14:20",
      endedAt: "2026-01-07T14:45",
      providerJoinedAt: "2026-01-07T14:20",
    },
    [
      { role: PATIENT, waitingRoomJoinedAt: "2026-01-07T13:50", joinedAt: "2026-01-07T14:20" },
      { role: PROVIDER, joinedAt: "2026-01-07T14:20" },
    ],
  );
  // V8 pending: later today (21:00Z, after NOW).
  await visitWith(a, { scheduledStart: "2026-01-07T21:00", status: SCHEDULED });
  // V9 held, still in progress: patient 19:40, provider 19:46 → waited 6; on time; no end yet.
  await visitWith(
    a,
    {
      scheduledStart: "2026-01-07T19:45",
      status: IN_PROGRESS,
      startedAt: "2026-01-07T19:46",
      providerJoinedAt: "2026-01-07T19:46",
    },
    [
      { role: PATIENT, waitingRoomJoinedAt: "2026-01-07T19:40", joinedAt: "2026-01-07T19:47" },
      { role: PROVIDER, joinedAt: "2026-01-07T19:46" },
    ],
  );

  // Not counted: midnight after the 7th in New York, one minute before the 5th, another clinic.
  const noShowStays: Stay[] = [
    { role: PATIENT, waitingRoomJoinedAt: "2026-01-08T04:00", joinedAt: "2026-01-08T06:00" },
  ];
  await visitWith(
    a,
    { scheduledStart: "2026-01-08T05:00", status: ENDED, providerJoinedAt: "2026-01-08T06:00" },
    noShowStays,
  );
  await visitWith(a, { scheduledStart: "2026-01-05T04:59", status: CANCELLED });
  const other = await createClinic(db);
  await visitWith(
    {
      organizationId: other.organization.id,
      subjectId: other.patient.subject.id,
      providerId: other.provider.id,
    },
    {
      scheduledStart: "2026-01-06T14:00",
      status: ENDED,
      startedAt: "2026-01-06T14:30",
      endedAt: "2026-01-06T15:00",
      providerJoinedAt: "2026-01-06T14:30",
    },
    [{ role: PATIENT, waitingRoomJoinedAt: "2026-01-06T14:00", joinedAt: "2026-01-06T14:30" }],
  );
  return { clinic, providerB, other };
}

function filtersFor(query: Record<string, string>): ReportFilters {
  const parsed = parseReportFilters(query, { timeZone: "America/New_York", now: NOW });
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.filters;
}

describe("getVisitReport", () => {
  it("counts outcomes, waits, durations and late starts as worked out by hand", async () => {
    const { clinic, providerB } = await seedReportClinic();
    const viewer = clinic.viewers.admin;
    const filters = filtersFor({ from: "2026-01-05", to: "2026-01-07" });

    const report = await getVisitReport({ viewer, filters, now: NOW });

    expect(report.summary).toEqual({
      scheduled: 9, // V1–V9
      held: 5, // V1, V2, V4, V7, V9
      noShows: 2, // V5 (never started), V6 (patient never admitted)
      cancelled: 1, // V3
      pending: 1, // V8: 5 + 2 + 1 + 1 = 9
      // Waits of held visits the patient reached first: V1 8, V2 3, V7 30, V9 6 → [3, 6, 8, 30].
      waitedVisits: 4,
      // Median: position (4 − 1) × 0.5 = 1.5 → 6 + 0.5 × (8 − 6) = 7.
      medianWaitMinutes: 7,
      // 90th percentile: position (4 − 1) × 0.9 = 2.7 → 8 + 0.7 × (30 − 8) = 23.4.
      p90WaitMinutes: expect.closeTo(23.4, 6) as number,
      // Durations of held visits with a start and an end: V1 20, V2 30, V4 40, V7 25 → [20, 25, 30, 40].
      timedVisits: 4,
      medianDurationMinutes: 27.5, // 25 + 0.5 × (30 − 25)
      providerJoinedVisits: 6, // V1, V2, V4, V6, V7, V9
      lateStarts: 3, // V1 (+6), V6 (+10), V7 (+20); V2 (+2), V9 (+1) and V4 (early) are on time
    });
    expect(report.waitByDay).toEqual([
      { date: "2026-01-05", waitedVisits: 2, medianWaitMinutes: 5.5 }, // V1 8, V2 3
      { date: "2026-01-06", waitedVisits: 0, medianWaitMinutes: null }, // V4 provider first, V6 no-show
      { date: "2026-01-07", waitedVisits: 2, medianWaitMinutes: 18 }, // V7 30, V9 6
    ]);
    const byProvider = Object.fromEntries(
      report.noShowsByProvider.map((row) => [row.providerId, [row.dueVisits, row.noShows]]),
    );
    expect(byProvider).toEqual({
      [clinic.provider.id]: [5, 1], // V1, V2, V6, V7, V9 are due; V6 missed (V8 not yet due)
      [providerB.id]: [2, 1], // V4, V5 are due; V5 missed (V3 cancelled)
    });

    const audit = await db.auditEvent.findFirst({
      where: { actorUserId: viewer.id, action: "report.view" },
      select: { organizationId: true, details: true, ip: true },
    });
    expect(audit).toEqual({
      organizationId: clinic.organization.id,
      details: { from: "2026-01-05", to: "2026-01-07", providerId: null },
      ip: viewer.ip,
    });
  });

  it("narrows to one provider", async () => {
    const { clinic, providerB } = await seedReportClinic();
    const filters = filtersFor({ from: "2026-01-05", to: "2026-01-07", providerId: providerB.id });

    const report = await getVisitReport({ viewer: clinic.viewers.admin, filters, now: NOW });

    // Provider B: V3 cancelled, V4 held (40 minutes, on time, provider first), V5 no-show.
    expect(report.summary).toMatchObject({
      scheduled: 3,
      held: 1,
      noShows: 1,
      cancelled: 1,
      pending: 0,
      waitedVisits: 0,
      medianWaitMinutes: null,
      p90WaitMinutes: null,
      medianDurationMinutes: 40,
      providerJoinedVisits: 1,
      lateStarts: 0,
    });
    expect(report.waitByDay.map((day) => day.waitedVisits)).toEqual([0, 0, 0]);
    expect(report.noShowsByProvider).toEqual([
      {
        providerId: providerB.id,
        providerName: `${providerB.firstName} ${providerB.lastName}`,
        dueVisits: 2,
        noShows: 1,
      },
    ]);
  });

  it("refuses another clinic's provider, an unknown one and a care team member, auditing nothing", async () => {
    const { clinic, other } = await seedReportClinic();
    const viewer = clinic.viewers.admin;
    for (const providerId of [
      other.provider.id,
      "0190c3a4-0000-7000-8000-000000000000",
      clinic.patient.user.id,
    ]) {
      const filters = filtersFor({ from: "2026-01-05", to: "2026-01-07", providerId });
      const refusal: unknown = await getVisitReport({ viewer, filters, now: NOW }).catch(
        (error: unknown) => error,
      );
      expect(isAppError(refusal, "bad_request")).toBe(true);
    }
    const careTeam = viewerFor({ ...clinic.provider });
    const refusal: unknown = await getVisitReport({
      viewer: careTeam,
      filters: filtersFor({}),
      now: NOW,
    }).catch((error: unknown) => error);
    expect(isAppError(refusal, "forbidden")).toBe(true);
    expect(
      await db.auditEvent.count({
        where: { organizationId: clinic.organization.id, action: "report.view" },
      }),
    ).toBe(0);
  });

  it("answers with zeros and nulls for a range without visits", async () => {
    const { clinic } = await seedReportClinic();
    const filters = filtersFor({ from: "2025-06-01", to: "2025-06-02" });
    const report = await getVisitReport({ viewer: clinic.viewers.admin, filters, now: NOW });
    expect(report.summary).toMatchObject({
      scheduled: 0,
      held: 0,
      medianWaitMinutes: null,
      medianDurationMinutes: null,
    });
    expect(report.waitByDay).toHaveLength(2);
    expect(report.noShowsByProvider).toEqual([]);
  });
});

describe("getVisitReport over generated history", () => {
  it("accounts for every visit seedVisitHistory adds", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    const second = await createUser(db, { organizationId, role: Role.CARE_TEAM });
    const added = await seedVisitHistory(db, {
      organizationId,
      providerIds: [clinic.provider.id, second.id],
      subjectIds: [clinic.patient.subject.id],
      count: 300,
      days: 20,
      now: NOW,
    });
    const filters = filtersFor({ from: "2025-12-01", to: "2026-01-07" });
    const { summary, noShowsByProvider } = await getVisitReport({
      viewer: clinic.viewers.admin,
      filters,
      now: NOW,
    });
    expect(summary.scheduled).toBe(added);
    expect(summary.held + summary.noShows + summary.cancelled).toBe(added); // all in the past
    expect(summary.held).toBeGreaterThan(summary.noShows);
    expect(summary.medianWaitMinutes).toBeGreaterThan(0);
    expect(summary.lateStarts).toBeGreaterThan(0);
    expect(noShowsByProvider).toHaveLength(2);
    expect(await db.attendance.count({ where: { visit: { organizationId } } })).toBe(
      2 * summary.held,
    );
  });
});
