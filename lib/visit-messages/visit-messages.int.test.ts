import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { VisitMessageKind, VisitMessageStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { instantToZonedTime } from "@/lib/time-zone";
import { dispatchDueMessages } from "@/lib/visit-messages/dispatch-due-messages";
import { queueVisitMessages } from "@/lib/visit-messages/queue-visit-messages";
import { cancelVisit } from "@/lib/visits/cancel-visit";
import { rescheduleVisit } from "@/lib/visits/reschedule-visit";
import { scheduleVisit } from "@/lib/visits/schedule-visit";
import { createVisit } from "@/prisma/factories";
import { calendarIn } from "@/tests/support/calendar";
import { createLinkedClinic } from "@/tests/support/linked-clinic";
import { startSmtpInbox } from "@/tests/support/smtp-inbox";
import { withZoomEmulator } from "@/tests/support/with-zoom-emulator";
import { TEST_APP_BASE_URL } from "@/tests/support/zoom-emulator-process";

// Invitations, updates, cancellations and reminders, from the change to the visit to the message
// a real SMTP server received, under a clock the test moves.
const inbox = await startSmtpInbox();
process.env.EMAIL_TRANSPORT = "smtp";
process.env.SMTP_URL = inbox.url;
afterAll(() => inbox.close());

const context = withZoomEmulator();
const TZ = "America/New_York";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const at = (instant: Date) => ({ instant, ...instantToZonedTime(instant, TZ) });
const inWholeMinutes = (ms: number) =>
  new Date(Math.ceil((Date.now() + ms) / (5 * MINUTE)) * 5 * MINUTE);
const dispatchAt = (instant: Date) => dispatchDueMessages({ now: () => instant });
const received = (address: string) => inbox.messages.filter((m) => m.to.includes(address));

async function scheduledVisit(startsIn: number) {
  const clinic = await createLinkedClinic(context.zoom);
  const start = at(inWholeMinutes(startsIn));
  const visit = await scheduleVisit({
    viewer: clinic.viewers.provider,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
    date: start.date,
    time: start.time,
    durationMinutes: 30,
  });
  const patientEmail = clinic.patient.user.email;
  return {
    clinic,
    visit,
    start: start.instant,
    patientEmail,
    providerEmail: clinic.provider.email,
  };
}

const rowsOf = (visitId: string) =>
  db.visitMessage.findMany({
    where: { visitId },
    orderBy: [{ sequence: "asc" }, { kind: "asc" }, { offsetMinutes: "desc" }],
    select: { kind: true, recipient: true, sequence: true, offsetMinutes: true, status: true },
  });

describe("visit messages", () => {
  // Each test dispatches everything due: what earlier tests left queued must not count.
  beforeEach(async () => {
    await db.visitMessage.updateMany({
      where: { status: VisitMessageStatus.QUEUED },
      data: { status: VisitMessageStatus.CANCELLED },
    });
  });

  it("invites the patient and the provider with a calendar file, a portal link and no Zoom link", async () => {
    const { visit, start, patientEmail, providerEmail } = await scheduledVisit(26 * HOUR);
    expect(await dispatchAt(new Date())).toMatchObject({ sent: 2 });

    const [patientCopy] = received(patientEmail);
    expect(patientCopy?.text).toContain(`${TEST_APP_BASE_URL}/visits/${visit.id}`);
    expect(patientCopy?.text + (patientCopy?.html ?? "")).not.toMatch(/zoom/i);
    const calendar = calendarIn(patientCopy!);
    expect(calendar).toMatchObject({ method: "REQUEST", sequence: 0 });
    expect(calendar.start.toISOString()).toBe(start.toISOString());
    const [providerCopy] = received(providerEmail);
    expect(providerCopy?.text).toContain(`/subjects/${visit.subjectId}/video`);
    expect(calendarIn(providerCopy!).uid).toBe(calendar.uid);

    const rows = await rowsOf(visit.id);
    expect(rows.filter((row) => row.status === VisitMessageStatus.SENT)).toHaveLength(2);
    expect(rows.filter((row) => row.kind === VisitMessageKind.REMINDER)).toMatchObject([
      { offsetMinutes: 1440, status: "QUEUED" },
      { offsetMinutes: 15, status: "QUEUED" },
    ]);
  });

  it("moves the calendar entry on reschedule (same UID, higher SEQUENCE) and cancels it on cancel", async () => {
    const { clinic, visit, start, patientEmail } = await scheduledVisit(26 * HOUR);
    await dispatchAt(new Date());
    const moved = at(new Date(start.getTime() + 2 * HOUR));
    await rescheduleVisit({
      viewer: clinic.viewers.provider,
      visitId: visit.id,
      date: moved.date,
      time: moved.time,
      durationMinutes: 30,
    });
    expect(await dispatchAt(new Date())).toMatchObject({ sent: 2 });
    const first = calendarIn(received(patientEmail)[0]!);
    const update = calendarIn(received(patientEmail)[1]!);
    expect(update).toMatchObject({ method: "REQUEST", uid: first.uid, sequence: 1 });
    expect(update.start.toISOString()).toBe(moved.instant.toISOString());

    await cancelVisit({ viewer: clinic.viewers.provider, visitId: visit.id });
    expect(await dispatchAt(new Date())).toMatchObject({ sent: 2 });
    const cancellation = calendarIn(received(patientEmail)[2]!);
    expect(cancellation).toMatchObject({ method: "CANCEL", uid: first.uid, sequence: 2 });
    expect(cancellation.status).toBe("CANCELLED");
    // No reminder of any version is left to go, even when its time comes.
    expect(await dispatchAt(new Date(moved.instant.getTime() - 10 * MINUTE))).toMatchObject({
      sent: 0,
    });
    expect(received(patientEmail)).toHaveLength(3);
  });

  it("reminds the patient once at each offset, at the visit's new time after a reschedule", async () => {
    const { clinic, visit, start, patientEmail } = await scheduledVisit(26 * HOUR);
    await dispatchAt(new Date());
    const moved = at(new Date(start.getTime() + HOUR));
    await rescheduleVisit({
      viewer: clinic.viewers.provider,
      visitId: visit.id,
      date: moved.date,
      time: moved.time,
      durationMinutes: 30,
    });
    await dispatchAt(new Date());
    const before = received(patientEmail).length;
    // The old time's 24-hour reminder would have gone now; the new time's has not come yet.
    expect(await dispatchAt(new Date(start.getTime() - 24 * HOUR + MINUTE))).toMatchObject({
      sent: 0,
    });
    const dayBefore = new Date(moved.instant.getTime() - 24 * HOUR);
    expect(await dispatchAt(dayBefore)).toMatchObject({ sent: 1 });
    expect(await dispatchAt(new Date(dayBefore.getTime() + HOUR))).toMatchObject({ sent: 0 });
    const quarterBefore = new Date(moved.instant.getTime() - 15 * MINUTE);
    expect(await dispatchAt(quarterBefore)).toMatchObject({ sent: 1 });
    expect(await dispatchAt(new Date(moved.instant.getTime() + HOUR))).toMatchObject({ sent: 0 });

    const reminders = received(patientEmail).slice(before);
    expect(reminders).toHaveLength(2);
    expect(reminders[0]?.headers["list-unsubscribe"]).toMatch(
      new RegExp(`^<${TEST_APP_BASE_URL}/api/reminders/stop\\?token=`),
    );
    expect(reminders[0]?.attachments).toEqual([]);
  });

  it("sends a visit 10 minutes ahead its invitation only, and a patient without email nothing", async () => {
    const soon = await scheduledVisit(10 * MINUTE);
    expect((await rowsOf(soon.visit.id)).map((row) => row.kind)).toEqual([
      "INVITATION",
      "INVITATION",
    ]);

    const { clinic } = soon;
    await db.subject.update({ where: { id: clinic.patient.subject.id }, data: { email: null } });
    const later = await createVisit(db, {
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      scheduledStart: new Date(Date.now() + 48 * HOUR),
    });
    await db.$transaction((tx) =>
      queueVisitMessages(tx, { visitId: later.id, change: "scheduled" }),
    );
    expect(await rowsOf(later.id)).toMatchObject([{ kind: "INVITATION", recipient: "PROVIDER" }]);
  });

  it("sends nothing for a change whose transaction rolled back", async () => {
    const { clinic } = await scheduledVisit(26 * HOUR);
    const visit = await createVisit(db, {
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      scheduledStart: new Date(Date.now() + 30 * HOUR),
    });
    await expect(
      db.$transaction(async (tx) => {
        await queueVisitMessages(tx, { visitId: visit.id, change: "rescheduled" });
        throw new Error("the change failed after queuing");
      }),
    ).rejects.toThrow("the change failed");
    expect(await rowsOf(visit.id)).toEqual([]);
    expect((await db.visit.findUniqueOrThrow({ where: { id: visit.id } })).calendarSequence).toBe(
      0,
    );
  });
});
