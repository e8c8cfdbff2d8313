import "server-only";

import {
  VisitMessageKind,
  VisitMessageStatus,
  VisitStatus,
  type VisitMessageRecipient,
} from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/db";
import { REMINDERS_STOPPED_REASON } from "@/lib/subjects/constants";
import { publishVisitMessagesSql } from "@/lib/visit-messages/publish-visit-messages";
import { planVisitMessages, type VisitChange } from "@/lib/visit-messages/plan-visit-messages";

export type QueueVisitMessagesOptions = { visitId: string; change: VisitChange; now?: Date };

const visitFactsSelect = {
  id: true,
  organizationId: true,
  scheduledStart: true,
  calendarSequence: true,
  status: true,
  subject: { select: { email: true, remindersOptedOutAt: true } },
  provider: { select: { email: true } },
  organization: { select: { reminderOffsetsMinutes: true } },
} as const;

const SUPERSEDED = "Replaced by a later change to the visit";
const VISIT_CANCELLED = "The visit was cancelled";

/**
 * Queues the messages that a change to a visit calls for (invitations, updates, cancellations,
 * reminders) in the change's own transaction: they are sent only if, and once, it commits. A
 * reschedule or a cancellation starts a new calendar version (SEQUENCE) and cancels what was
 * still waiting to be sent for the old one; the dispatcher is told after commit.
 */
export async function queueVisitMessages(
  tx: Tx,
  { visitId, change, now = new Date() }: QueueVisitMessagesOptions,
): Promise<void> {
  const isNewVersion = change === "rescheduled" || change === "cancelled";
  // The patient's opt-out changes under this lock (lib/subjects/set-reminder-opt-out.ts), so a
  // resume committing meanwhile cannot miss the reminders written here.
  await tx.$executeRaw`
    SELECT 1 FROM "Subject" s JOIN "Visit" v ON v."subjectId" = s."id"
     WHERE v."id" = ${visitId}::uuid FOR SHARE OF s`;
  const visit = isNewVersion
    ? await tx.visit.update({
        where: { id: visitId },
        data: { calendarSequence: { increment: 1 } },
        select: visitFactsSelect,
      })
    : await tx.visit.findUniqueOrThrow({ where: { id: visitId }, select: visitFactsSelect });
  // A move that lost a race with a cancellation (checked before its Zoom call) must not undo it.
  if (change === "rescheduled" && visit.status === VisitStatus.CANCELLED)
    throw new AppError("conflict", "The visit was cancelled meanwhile", {
      userMessage: "This visit was cancelled meanwhile, so it cannot be moved.",
    });

  const alreadyTold = await recipientsAlreadyTold(tx, visitId, now);
  if (isNewVersion) {
    // Rows a dispatcher holds right now are being sent; the rest of the old version never goes.
    await tx.visitMessage.updateMany({
      where: {
        visitId,
        status: VisitMessageStatus.QUEUED,
        // A cancellation that is waiting still goes: nothing after it can make it untrue.
        kind: { not: VisitMessageKind.CANCELLATION },
        OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }],
      },
      data: {
        status: VisitMessageStatus.CANCELLED,
        lastError: change === "cancelled" ? VISIT_CANCELLED : SUPERSEDED,
      },
    });
  }
  const planned = planVisitMessages({
    change,
    sequence: visit.calendarSequence,
    start: visit.scheduledStart,
    patientEmail: visit.subject.email,
    isPatientOptedOut: visit.subject.remindersOptedOutAt !== null,
    providerEmail: visit.provider.email,
    reminderOffsetsMinutes: visit.organization.reminderOffsetsMinutes,
    alreadyTold,
    now,
  });
  if (planned.length === 0) return;
  await tx.visitMessage.createMany({
    data: planned.map(({ isStopped, ...message }) => ({
      ...message,
      organizationId: visit.organizationId,
      visitId,
      ...(isStopped && {
        status: VisitMessageStatus.CANCELLED,
        lastError: REMINDERS_STOPPED_REASON,
      }),
    })),
    skipDuplicates: true,
  });
  await tx.$executeRaw`SELECT ${publishVisitMessagesSql()}`;
}

/** Recipients with an invitation or update that was sent, or that a dispatcher is sending now. */
async function recipientsAlreadyTold(
  tx: Tx,
  visitId: string,
  now: Date,
): Promise<Set<VisitMessageRecipient>> {
  const told = await tx.visitMessage.findMany({
    where: {
      visitId,
      kind: { in: [VisitMessageKind.INVITATION, VisitMessageKind.UPDATE] },
      OR: [
        { status: VisitMessageStatus.SENT },
        { status: VisitMessageStatus.QUEUED, claimedUntil: { gt: now } },
      ],
    },
    select: { recipient: true },
    distinct: ["recipient"],
  });
  return new Set(told.map((row) => row.recipient));
}
