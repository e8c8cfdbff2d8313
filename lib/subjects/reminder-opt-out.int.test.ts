import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import {
  VisitMessageKind,
  VisitMessageRecipient,
  VisitMessageStatus,
  VisitStatus,
} from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { REMINDERS_STOPPED_REASON } from "@/lib/subjects/constants";
import { findReminderOptOut } from "@/lib/subjects/find-reminder-opt-out";
import { setReminderOptOut } from "@/lib/subjects/set-reminder-opt-out";
import {
  buildReminderOptOutToken,
  buildReminderOptOutUrl,
  parseReminderOptOutToken,
} from "@/lib/visit-messages/opt-out-token";
import { createSubject, createVisit } from "@/prisma/factories";
import { createClinic } from "@/tests/support/viewers";

const MINUTE = 60_000;
const IP = "203.0.113.7";

type Clinic = Awaited<ReturnType<typeof createClinic>>;

async function visitOf(clinic: Clinic, subjectId: string, startsInMinutes: number) {
  return createVisit(db, {
    organizationId: clinic.organization.id,
    subjectId,
    providerId: clinic.provider.id,
    scheduledStart: new Date(Date.now() + startsInMinutes * MINUTE),
  });
}

type Visit = Awaited<ReturnType<typeof visitOf>>;

/** A message of the outbox; reminders go `offsetMinutes` before the visit's start. */
type MessageOptions = {
  offsetMinutes?: number;
  status?: VisitMessageStatus;
  sequence?: number;
  lastError?: string | null;
};

async function messageOf(
  visit: Visit,
  kind: VisitMessageKind,
  {
    offsetMinutes = 0,
    status = VisitMessageStatus.QUEUED,
    sequence = 0,
    lastError = null,
  }: MessageOptions = {},
) {
  const { id } = await db.visitMessage.create({
    data: {
      organizationId: visit.organizationId,
      visitId: visit.id,
      kind,
      recipient: VisitMessageRecipient.PATIENT,
      sequence,
      offsetMinutes,
      toAddress: "patient@example.com",
      status,
      lastError,
      notBefore: new Date(visit.scheduledStart.getTime() - offsetMinutes * MINUTE),
    },
    select: { id: true },
  });
  return id;
}

async function statesOf(ids: string[]) {
  const rows = await db.visitMessage.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, lastError: true },
  });
  return ids.map((id) => {
    const row = rows.find((candidate) => candidate.id === id);
    return [row?.status, row?.lastError];
  });
}

const auditsOf = (subjectId: string) =>
  db.auditEvent.findMany({
    where: {
      subjectId,
      action: { in: ["subject.reminders_stopped", "subject.reminders_resumed"] },
    },
    orderBy: { id: "asc" },
    select: { action: true, actorUserId: true, organizationId: true, ip: true, details: true },
  });

describe("stopping reminders with the link", () => {
  it("cancels only this subject's queued reminders, once, audited without an actor", async () => {
    const clinic = await createClinic(db);
    const subjectId = clinic.patient.subject.id;
    const other = await createSubject(db, { organizationId: clinic.organization.id });
    const visit = await visitOf(clinic, subjectId, 2 * 24 * 60);
    const invitation = await messageOf(visit, VisitMessageKind.INVITATION);
    const dayBefore = await messageOf(visit, VisitMessageKind.REMINDER, { offsetMinutes: 1440 });
    const quarterBefore = await messageOf(visit, VisitMessageKind.REMINDER, { offsetMinutes: 15 });
    const sent = await messageOf(visit, VisitMessageKind.REMINDER, {
      offsetMinutes: 2880,
      status: VisitMessageStatus.SENT,
    });
    const othersVisit = await visitOf(clinic, other.id, 60);
    const othersReminder = await messageOf(othersVisit, VisitMessageKind.REMINDER, {
      offsetMinutes: 15,
    });
    const token = buildReminderOptOutToken(subjectId);
    expect(await findReminderOptOut({ token })).toEqual({
      clinicName: clinic.organization.name,
      preferredLanguage: "en",
      isOptedOut: false,
    });

    expect(await setReminderOptOut({ token, isOptedOut: true, ip: IP })).toEqual({
      isOptedOut: true,
    });
    const { remindersOptedOutAt } = await db.subject.findUniqueOrThrow({
      where: { id: subjectId },
      select: { remindersOptedOutAt: true },
    });
    expect(remindersOptedOutAt).toBeInstanceOf(Date);
    expect(await statesOf([invitation, dayBefore, quarterBefore, sent, othersReminder])).toEqual([
      [VisitMessageStatus.QUEUED, null],
      [VisitMessageStatus.CANCELLED, REMINDERS_STOPPED_REASON],
      [VisitMessageStatus.CANCELLED, REMINDERS_STOPPED_REASON],
      [VisitMessageStatus.SENT, null],
      [VisitMessageStatus.QUEUED, null],
    ]);
    expect(await findReminderOptOut({ token })).toMatchObject({ isOptedOut: true });

    // Twice (a second click, a mail client's one-click POST again): nothing more changes.
    expect(await setReminderOptOut({ token, isOptedOut: true, ip: IP })).toEqual({
      isOptedOut: true,
    });
    expect(
      await db.subject.findUniqueOrThrow({
        where: { id: subjectId },
        select: { remindersOptedOutAt: true },
      }),
    ).toEqual({ remindersOptedOutAt });
    expect(await auditsOf(subjectId)).toEqual([
      {
        action: "subject.reminders_stopped",
        actorUserId: null,
        organizationId: clinic.organization.id,
        ip: IP,
        details: { cancelledReminders: 2 },
      },
    ]);
    expect(
      await db.subject.findUniqueOrThrow({
        where: { id: other.id },
        select: { remindersOptedOutAt: true },
      }),
    ).toEqual({ remindersOptedOutAt: null });
  });
});

describe("turning reminders back on", () => {
  it("queues again only the stopped reminders still ahead, of scheduled visits' current version", async () => {
    const clinic = await createClinic(db);
    const subjectId = clinic.patient.subject.id;
    const token = buildReminderOptOutToken(subjectId);
    const upcoming = await visitOf(clinic, subjectId, 2 * 24 * 60);
    const ahead = await messageOf(upcoming, VisitMessageKind.REMINDER, { offsetMinutes: 1440 });
    const soon = await visitOf(clinic, subjectId, 10);
    const passed = await messageOf(soon, VisitMessageKind.REMINDER, { offsetMinutes: 1440 });
    const stillAhead = await messageOf(soon, VisitMessageKind.REMINDER, { offsetMinutes: 5 });
    const moved = await visitOf(clinic, subjectId, 3 * 24 * 60);
    const oldVersion = await messageOf(moved, VisitMessageKind.REMINDER, { offsetMinutes: 15 });
    const cancelled = await visitOf(clinic, subjectId, 4 * 24 * 60);
    const ofCancelled = await messageOf(cancelled, VisitMessageKind.REMINDER, {
      offsetMinutes: 15,
    });
    const supersededReason = "Superseded by a later change";
    const superseded = await messageOf(upcoming, VisitMessageKind.REMINDER, {
      offsetMinutes: 60,
      status: VisitMessageStatus.CANCELLED,
      lastError: supersededReason,
    });
    await setReminderOptOut({ token, isOptedOut: true, ip: IP });
    // While stopped, one visit moves (a new calendar version) and another is cancelled.
    await db.visit.update({ where: { id: moved.id }, data: { calendarSequence: 1 } });
    await db.visit.update({
      where: { id: cancelled.id },
      data: { status: VisitStatus.CANCELLED, cancelledAt: new Date() },
    });

    expect(await setReminderOptOut({ token, isOptedOut: false, ip: IP })).toEqual({
      isOptedOut: false,
    });
    expect(
      await db.subject.findUniqueOrThrow({
        where: { id: subjectId },
        select: { remindersOptedOutAt: true },
      }),
    ).toEqual({ remindersOptedOutAt: null });
    const stopped = [VisitMessageStatus.CANCELLED, REMINDERS_STOPPED_REASON];
    expect(
      await statesOf([ahead, passed, stillAhead, oldVersion, ofCancelled, superseded]),
    ).toEqual([
      [VisitMessageStatus.QUEUED, null],
      stopped,
      [VisitMessageStatus.QUEUED, null],
      stopped,
      stopped,
      [VisitMessageStatus.CANCELLED, supersededReason],
    ]);
    expect(await setReminderOptOut({ token, isOptedOut: false, ip: IP })).toEqual({
      isOptedOut: false,
    });
    expect((await auditsOf(subjectId)).map(({ action, details }) => [action, details])).toEqual([
      ["subject.reminders_stopped", { cancelledReminders: 5 }],
      ["subject.reminders_resumed", { requeuedReminders: 2 }],
    ]);
  });
});

describe("a link that is not ours", () => {
  it("changes nothing and finds nothing, for a real subject's token with a changed signature", async () => {
    const clinic = await createClinic(db);
    const subjectId = clinic.patient.subject.id;
    const token = buildReminderOptOutToken(subjectId);
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    for (const bad of [tampered, token.slice(0, -1), "not-a-token", undefined]) {
      expect(await findReminderOptOut({ token: bad })).toBeNull();
      expect(await setReminderOptOut({ token: bad, isOptedOut: true, ip: IP })).toBeNull();
    }
    expect(
      await db.subject.findUniqueOrThrow({
        where: { id: subjectId },
        select: { remindersOptedOutAt: true },
      }),
    ).toEqual({ remindersOptedOutAt: null });
    expect(await auditsOf(subjectId)).toEqual([]);
  });

  it("finds nothing for a signed token whose subject no longer exists", async () => {
    const token = buildReminderOptOutToken(randomUUID());
    expect(await findReminderOptOut({ token })).toBeNull();
    expect(await setReminderOptOut({ token, isOptedOut: true, ip: IP })).toBeNull();
  });

  it("is built on the app's address, with a token that names the subject", () => {
    const subjectId = randomUUID();
    const url = new URL(buildReminderOptOutUrl(subjectId));
    expect(`${url.origin}${url.pathname}`).toBe("http://localhost:3000/reminders/stop");
    expect(parseReminderOptOutToken(url.searchParams.get("token"))).toBe(subjectId);
  });
});
