import { describe, expect, it } from "vitest";

import {
  NotificationSource,
  ParticipantRole,
  PatientPresence,
  VisitStatus,
} from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { reconcileFinishedVisits } from "@/lib/visits/attendance/reconcile-attendance";
import { startVisit } from "@/lib/visits/start-visit";

// No webhook receiver: every notification of these meetings is lost, as if our endpoint was down.
const context = withZoomEmulator();

async function heldVisitWithLostWebhooks() {
  const clinic = await createLinkedClinic(context.zoom);
  const { visit } = await startVisit({
    viewer: clinic.viewers.provider,
    subjectId: clinic.patient.subject.id,
  });
  const stored = await db.visit.findUniqueOrThrow({
    where: { id: visit.id },
    select: { zoomMeetingId: true, zoomHostId: true },
  });
  const meeting = `/meetings/${stored.zoomMeetingId}`;
  const move = (body: object) =>
    context.zoom.control<{ participant_uuid: string }>("POST", `${meeting}/participants`, body);
  await move({ action: "join", name: "Dr Provider", zoomUserId: stored.zoomHostId });
  const patient = await move({
    action: "join_waiting_room",
    name: "Pat Patient",
    email: clinic.patient.user.email,
  });
  await move({ action: "admit", participantUuid: patient.participant_uuid });
  await move({ action: "leave", participantUuid: patient.participant_uuid });
  await context.zoom.control("POST", `${meeting}/end`);
  // The visit was scheduled long enough ago for `meeting.ended` to be overdue.
  await db.visit.update({
    where: { id: visit.id },
    data: { scheduledStart: new Date(Date.now() - 3 * 3_600_000) },
  });
  return { clinic, visitId: visit.id };
}

const attendanceOf = (visitId: string) =>
  db.visit.findUniqueOrThrow({
    where: { id: visitId },
    select: {
      status: true,
      patientPresence: true,
      attendanceReconciledAt: true,
      attendances: {
        orderBy: { role: "asc" },
        select: { role: true, userId: true, joinedAt: true, leftAt: true },
      },
    },
  });

describe("reconcileFinishedVisits", () => {
  it("fills in the attendance that lost webhooks missed, once", async () => {
    const { clinic, visitId } = await heldVisitWithLostWebhooks();
    expect((await attendanceOf(visitId)).attendances).toEqual([]);

    const first = await reconcileFinishedVisits();
    expect(first.added).toBeGreaterThanOrEqual(4);
    const visit = await attendanceOf(visitId);
    expect(visit).toMatchObject({
      status: VisitStatus.ENDED,
      patientPresence: PatientPresence.LEFT,
    });
    expect(visit.attendanceReconciledAt).toBeInstanceOf(Date);
    expect(visit.attendances.map(({ role, userId }) => ({ role, userId }))).toEqual([
      { role: ParticipantRole.PROVIDER, userId: clinic.provider.id },
      { role: ParticipantRole.PATIENT, userId: clinic.patient.user.id },
    ]);
    for (const stay of visit.attendances) {
      expect(stay.joinedAt).toBeInstanceOf(Date);
      expect(stay.leftAt).toBeInstanceOf(Date);
    }
    // The ledger keeps the report rows' ids and times, not the people's names or emails.
    const ledger = await db.inboundNotification.findMany({
      where: { visitId, source: NotificationSource.ZOOM_REPORT },
      select: { payload: true },
    });
    expect(ledger.length).toBeGreaterThanOrEqual(4);
    for (const { payload } of ledger) {
      expect(JSON.stringify(payload)).not.toMatch(/Dr Provider|Pat Patient|@/);
      expect(payload).not.toHaveProperty("name");
    }

    await db.visit.update({ where: { id: visitId }, data: { attendanceReconciledAt: null } });
    await reconcileFinishedVisits();
    const again = await attendanceOf(visitId);
    expect(again.attendances).toEqual(visit.attendances);
    expect(await db.participantEvent.count({ where: { visitId } })).toBe(first.added);
  });

  it("marks a meeting that was never held as checked, and leaves recent visits alone", async () => {
    const clinic = await createLinkedClinic(context.zoom);
    const never = await startVisit({
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
    });
    const recent = await startVisit({
      viewer: clinic.viewers.provider,
      subjectId: clinic.patient.subject.id,
    });
    await db.visit.update({
      where: { id: never.visit.id },
      data: { scheduledStart: new Date(Date.now() - 3 * 3_600_000) },
    });
    await reconcileFinishedVisits();
    expect((await attendanceOf(never.visit.id)).attendanceReconciledAt).toBeInstanceOf(Date);
    expect((await attendanceOf(never.visit.id)).attendances).toEqual([]);
    expect((await attendanceOf(recent.visit.id)).attendanceReconciledAt).toBeNull();
  });
});
