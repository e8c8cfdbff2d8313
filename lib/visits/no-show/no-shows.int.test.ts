import { describe, expect, it } from "vitest";

import { ParticipantRole, VisitStatus } from "@/generated/prisma/enums";
import { createJobBoss, NO_SHOW_QUEUE, registerJobs } from "@/lib/jobs/background-jobs";
import { db } from "@/lib/db/db";
import { createDbClient } from "@/lib/db/db-client";
import { getVisitReport } from "@/lib/reports/get-visit-report";
import { addDays, instantToZonedTime, startOfDay } from "@/lib/time-zone";
import { markNoShows } from "@/lib/visits/no-show/mark-no-shows";
import { undoNoShow } from "@/lib/visits/no-show/undo-no-show";
import { appErrorOf } from "@/tests/support/app-error";
import { createClinic } from "@/tests/support/viewers";
import { createVisit } from "@/prisma/factories";

const MINUTE = 60_000;

/** A clinic with visits of 30 minutes that started `minutesAgo` ago (grace: 10 minutes). */
async function clinicWithVisits(minutesAgo: number[]) {
  const clinic = await createClinic(db);
  const visits = [];
  for (const ago of minutesAgo)
    visits.push(
      await createVisit(db, {
        organizationId: clinic.organization.id,
        subjectId: clinic.patient.subject.id,
        providerId: clinic.provider.id,
        scheduledStart: new Date(Date.now() - ago * MINUTE),
        durationMinutes: 30,
      }),
    );
  return { clinic, visits };
}

const noShowAudits = (visitId: string) =>
  db.auditEvent.count({ where: { action: "visit.no_show", targetId: visitId } });

describe("no-shows", () => {
  it("marks a visit nobody joined after its slot plus the clinic's grace, and no other", async () => {
    // 45 min ago: over at -15, due at -5. 35 min ago: due in 5 minutes. 60 min ago, patient joined.
    const { visits } = await clinicWithVisits([45, 35, 60, 50]);
    const [due, notYet, held, cancelled] = visits.map((visit) => visit.id);
    await db.attendance.create({
      data: {
        visitId: held!,
        participantKey: "patient",
        sequence: 1,
        role: ParticipantRole.PATIENT,
        joinedAt: new Date(Date.now() - 55 * MINUTE),
      },
    });
    await db.visit.update({ where: { id: cancelled! }, data: { status: VisitStatus.CANCELLED } });
    await markNoShows();
    const marked = await db.visit.findMany({
      where: { id: { in: visits.map((visit) => visit.id) }, noShowAt: { not: null } },
      select: { id: true },
    });
    expect(marked.map((visit) => visit.id)).toEqual([due]);
    expect(await noShowAudits(due!)).toBe(1);
    expect(await noShowAudits(notYet!)).toBe(0);
  });

  it("marks each visit exactly once when two workers run at the same time", async () => {
    const { visits } = await clinicWithVisits([45, 46, 47, 48, 49, 50, 51, 52]);
    const other = createDbClient(process.env.DATABASE_URL ?? "", { poolSize: 2 });
    const bossA = createJobBoss(process.env.DATABASE_URL ?? "");
    const bossB = createJobBoss(process.env.DATABASE_URL ?? "");
    try {
      // The statement itself, raced on two connections...
      const [first, second] = await Promise.all([markNoShows(), markNoShows({ client: other })]);
      expect(first.marked + second.marked).toBe(8);
      // ...and the scheduled job on two pg-boss workers, which must find nothing left to do.
      await Promise.all([bossA.start(), bossB.start()]);
      await registerJobs(bossA);
      await registerJobs(bossB);
      const jobs = await Promise.all([
        bossA.send(NO_SHOW_QUEUE, {}),
        bossB.send(NO_SHOW_QUEUE, {}),
      ]);
      const states = async () => {
        const found = await Promise.all(
          jobs.map(async (id) => (id ? bossA.getJobById(NO_SHOW_QUEUE, id) : null)),
        );
        return found.map((job) => job?.state);
      };
      await expect.poll(states, { timeout: 15_000 }).toEqual(["completed", "completed"]);
    } finally {
      await Promise.all([
        bossA.stop({ graceful: false, wait: true }),
        bossB.stop({ graceful: false, wait: true }),
        other.$disconnect(),
      ]);
    }
    for (const visit of visits) expect(await noShowAudits(visit.id)).toBe(1);
  }, 40_000);

  it("lets the care team undo a no-show with a reason: audited, never marked again, held in reports", async () => {
    const { clinic, visits } = await clinicWithVisits([45]);
    const visitId = visits[0]!.id;
    await markNoShows();
    const viewer = clinic.viewers.provider;
    const patientRefused = await appErrorOf(
      undoNoShow({ viewer: clinic.viewers.patient, visitId, reason: "Joined by phone" }),
    );
    expect(patientRefused.code).toBe("forbidden");
    const foreign = await createClinic(db);
    const foreignRefused = await appErrorOf(
      undoNoShow({ viewer: foreign.viewers.provider, visitId, reason: "Joined by phone" }),
    );
    expect(foreignRefused.code).toBe("not_found");

    await undoNoShow({ viewer, visitId, reason: "Joined by phone" });
    const visit = await db.visit.findUniqueOrThrow({ where: { id: visitId } });
    expect(visit.noShowAt).toBeNull();
    expect(visit.noShowUndoneAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "visit.no_show_undo", targetId: visitId },
    });
    expect(audit).toMatchObject({ actorUserId: viewer.id, details: { reason: "Joined by phone" } });
    expect((await appErrorOf(undoNoShow({ viewer, visitId, reason: "Again" }))).code).toBe(
      "conflict",
    );
    await markNoShows();
    expect((await db.visit.findUniqueOrThrow({ where: { id: visitId } })).noShowAt).toBeNull();

    const day = instantToZonedTime(visit.scheduledStart, viewer.timeZone).date;
    const filters = {
      from: day,
      to: day,
      timeZone: viewer.timeZone,
      providerId: null,
      start: startOfDay(day, viewer.timeZone),
      end: startOfDay(addDays(day, 1), viewer.timeZone),
    };
    const report = await getVisitReport({ viewer: clinic.viewers.admin, filters });
    expect(report.summary).toMatchObject({ noShows: 0, held: 1 });
  });
});
