import { describe, expect, it } from "vitest";

import { VisitStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { createClinic } from "@/tests/support/viewers";
import { findVisitForViewer } from "@/lib/visits/find-visit";
import { listVisits } from "@/lib/visits/list-visits";
import { createPatient, createVisit } from "@/prisma/factories";

const HOUR = 3_600_000;

describe("listVisits", () => {
  it("shows a patient only their own visits: upcoming, and past or cancelled", async () => {
    const clinic = await createClinic(db);
    const organizationId = clinic.organization.id;
    const neighbour = await createPatient(db, { organizationId });
    const base = {
      organizationId,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
    };
    const soon = await createVisit(db, { ...base, scheduledStart: new Date(Date.now() + HOUR) });
    const later = await createVisit(db, {
      ...base,
      scheduledStart: new Date(Date.now() + 48 * HOUR),
    });
    const held = await createVisit(db, {
      ...base,
      scheduledStart: new Date(Date.now() - 48 * HOUR),
      status: VisitStatus.ENDED,
    });
    const cancelled = await createVisit(db, {
      ...base,
      scheduledStart: new Date(Date.now() + 2 * HOUR),
      status: VisitStatus.CANCELLED,
    });
    await createVisit(db, { ...base, subjectId: neighbour.subject.id });

    const visits = await listVisits({ viewer: clinic.viewers.patient });
    expect(visits.upcoming.map((visit) => visit.id)).toEqual([soon.id, later.id]);
    // Cancelled visits are listed with the past ones (latest first), never as upcoming.
    expect(visits.past.map((visit) => visit.id)).toEqual([cancelled.id, held.id]);
    expect(visits.in_progress).toEqual([]);
  });

  it("shows the care team one subject's visits, never another organization's", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    const mine = await createVisit(db, {
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
    });
    const theirs = await createVisit(db, {
      organizationId: other.organization.id,
      subjectId: other.patient.subject.id,
      providerId: other.provider.id,
    });

    const visible = await listVisits({
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
    });
    expect(visible.upcoming.map((visit) => visit.id)).toEqual([mine.id]);
    const foreign = await listVisits({
      viewer: clinic.viewers.provider,
      subjectId: other.patient.subject.id,
    });
    expect(foreign.upcoming).toEqual([]);
    expect(
      await findVisitForViewer({ visitId: theirs.id, viewer: clinic.viewers.provider }),
    ).toBeNull();
  });
});

describe("findVisitForViewer", () => {
  it("gives a patient their visit and hides everyone else's", async () => {
    const clinic = await createClinic(db);
    const neighbour = await createPatient(db, { organizationId: clinic.organization.id });
    const base = { organizationId: clinic.organization.id, providerId: clinic.provider.id };
    const own = await createVisit(db, { ...base, subjectId: clinic.patient.subject.id });
    const others = await createVisit(db, { ...base, subjectId: neighbour.subject.id });
    expect(
      (await findVisitForViewer({ visitId: own.id, viewer: clinic.viewers.patient }))?.id,
    ).toBe(own.id);
    expect(
      await findVisitForViewer({ visitId: others.id, viewer: clinic.viewers.patient }),
    ).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorUserId: clinic.patient.user.id, action: "visit.view" },
    });
    expect(audit).toMatchObject({ targetId: own.id, subjectId: clinic.patient.subject.id });
  });
});
