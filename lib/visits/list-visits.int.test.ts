import { describe, expect, it } from "vitest";

import {
  DeviceCheckStatus,
  NetworkQuality,
  ParticipantRole,
  VisitMessageKind,
  VisitMessageRecipient,
  VisitMessageStatus,
  VisitStatus,
} from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { createClinic } from "@/tests/support/viewers";
import { findVisitForViewer } from "@/lib/visits/find-visit";
import { listVisits } from "@/lib/visits/list-visits";
import { createPatient, createVisit } from "@/prisma/factories";

const HOUR = 3_600_000;

/** A past visit with what its card shows: two stays (one of a staff user), a device check, messages. */
async function visitWithEverything(clinic: Awaited<ReturnType<typeof createClinic>>) {
  const start = Date.now() - 48 * HOUR;
  const visit = await createVisit(db, {
    organizationId: clinic.organization.id,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    scheduledStart: new Date(start),
    status: VisitStatus.ENDED,
    startedAt: new Date(start),
    endedAt: new Date(start + HOUR),
    calendarSequence: 1,
  });
  await db.attendance.createMany({
    data: [
      {
        visitId: visit.id,
        participantKey: "zoom:patient",
        sequence: 1,
        role: ParticipantRole.PATIENT,
        zoomUserId: "zoomPatient1",
        waitingRoomJoinedAt: new Date(start - 120_000),
        joinedAt: new Date(start + 60_123),
        leftAt: null,
      },
      {
        visitId: visit.id,
        participantKey: "zoom:provider",
        sequence: 1,
        role: ParticipantRole.PROVIDER,
        userId: clinic.provider.id,
        displayName: "Dr",
        joinedAt: new Date(start),
        leftAt: new Date(start + HOUR),
      },
    ],
  });
  await db.visitDeviceCheck.create({
    data: {
      visitId: visit.id,
      organizationId: clinic.organization.id,
      userId: clinic.patient.user.id,
      checkedAt: new Date(start - 600_000),
      isPassed: false,
      camera: DeviceCheckStatus.BLOCKED,
      microphone: DeviceCheckStatus.PASSED,
      speaker: DeviceCheckStatus.PASSED,
      network: NetworkQuality.POOR,
      roundTripMs: 410,
      downloadKbps: null,
    },
  });
  const message = (sequence: number, status: VisitMessageStatus, minutesAgo: number) => ({
    organizationId: clinic.organization.id,
    visitId: visit.id,
    kind: VisitMessageKind.INVITATION,
    recipient: VisitMessageRecipient.PATIENT,
    sequence,
    toAddress: "maria@example.com",
    status,
    notBefore: new Date(start - minutesAgo * 60_000),
    sentAt: status === VisitMessageStatus.SENT ? new Date(start - minutesAgo * 60_000) : null,
    createdAt: new Date(start - minutesAgo * 60_000),
  });
  await db.visitMessage.createMany({
    data: [
      message(0, VisitMessageStatus.SENT, 300),
      // Replaced by the reschedule before it went: not shown.
      {
        ...message(0, VisitMessageStatus.CANCELLED, 200),
        recipient: VisitMessageRecipient.PROVIDER,
      },
      message(1, VisitMessageStatus.FAILED, 100),
    ],
  });
  return visit;
}

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

describe("listVisits in one statement", () => {
  it("gives each visit as findVisitForViewer reads it, its messages if asked, and audits the read", async () => {
    const clinic = await createClinic(db);
    const visit = await visitWithEverything(clinic);
    const viewer = clinic.viewers.provider;
    const subjectId = clinic.patient.subject.id;

    const lists = await listVisits({ viewer, subjectId, withMessages: true });
    const [listed] = lists.past;
    if (!listed) throw new Error("The visit is not listed");
    const { messages, ...summary } = listed;
    expect(summary).toEqual(await findVisitForViewer({ visitId: visit.id, viewer }));
    expect(summary.attendances.map((stay) => stay.role)).toEqual([
      ParticipantRole.PROVIDER,
      ParticipantRole.PATIENT,
    ]);
    expect(messages.map((message) => [message.status, message.maskedAddress])).toEqual([
      [VisitMessageStatus.FAILED, "m…@example.com"],
      [VisitMessageStatus.SENT, "m…@example.com"],
    ]);
    expect(messages[1]?.sentAt).toBeInstanceOf(Date);
    expect((await listVisits({ viewer, subjectId })).past[0]?.messages).toEqual([]);

    const audits = await db.auditEvent.findMany({
      where: { actorUserId: viewer.id, action: "visit.list", subjectId },
      select: { details: true, organizationId: true, targetType: true },
    });
    expect(audits).toEqual([
      { details: { count: 1 }, organizationId: clinic.organization.id, targetType: "visit" },
      { details: { count: 1 }, organizationId: clinic.organization.id, targetType: "visit" },
    ]);
  });

  it("lists nothing of another organization's subject, and still audits the attempt", async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    await visitWithEverything(other);
    const viewer = clinic.viewers.provider;
    const lists = await listVisits({
      viewer,
      subjectId: other.patient.subject.id,
      withMessages: true,
    });
    expect(lists).toEqual({ in_progress: [], upcoming: [], past: [] });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorUserId: viewer.id, action: "visit.list" },
      select: { details: true },
    });
    expect(audit.details).toEqual({ count: 0 });
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
