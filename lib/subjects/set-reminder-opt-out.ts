import "server-only";

import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/db";
import {
  buildCancelQueuedRemindersSql,
  buildRequeueStoppedRemindersSql,
} from "@/lib/subjects/set-reminder-opt-out.sql";
import { parseReminderOptOutToken } from "@/lib/visit-messages/opt-out-token";

export type SetReminderOptOutOptions = {
  /** The signed token of the link in a reminder (lib/visit-messages/opt-out-token.ts). */
  token: unknown;
  /** true stops reminders; false turns them back on. */
  isOptedOut: boolean;
  ip: string | null;
  now?: Date;
};

/**
 * The patient stops reminders (or turns them back on) with the link in a reminder, signed in or
 * not: the token is the credential. Stopping sets Subject.remindersOptedOutAt and cancels the
 * subject's queued reminders; resuming clears it and queues again those of them still ahead (see
 * the statements). Invitations and changes to visits still go. Doing it twice changes nothing the
 * second time. Audited without an actor (the patient acted through the link), ids and counts only.
 * Null when the token is not one of ours or its subject no longer exists.
 */
export async function setReminderOptOut({
  token,
  isOptedOut,
  ip,
  now = new Date(),
}: SetReminderOptOutOptions): Promise<{ isOptedOut: boolean } | null> {
  const subjectId = parseReminderOptOutToken(token);
  if (!subjectId) return null;
  return db.$transaction(async (tx) => {
    const subject = await tx.subject.findUnique({
      where: { id: subjectId },
      select: { id: true, organizationId: true },
    });
    if (!subject) return null;
    // The row stays locked until commit, so a stop and a resume at once end in one of the two.
    const changed = await tx.subject.updateMany({
      where: { id: subjectId, remindersOptedOutAt: isOptedOut ? null : { not: null } },
      data: { remindersOptedOutAt: isOptedOut ? now : null },
    });
    const reminders = await tx.$executeRaw(
      isOptedOut
        ? buildCancelQueuedRemindersSql(subjectId, now)
        : buildRequeueStoppedRemindersSql(subjectId, now),
    );
    if (changed.count > 0 || reminders > 0)
      await recordAudit(tx, {
        actor: null,
        organizationId: subject.organizationId,
        action: isOptedOut ? "subject.reminders_stopped" : "subject.reminders_resumed",
        targetType: "subject",
        targetId: subjectId,
        subjectId,
        ip,
        details: isOptedOut ? { cancelledReminders: reminders } : { requeuedReminders: reminders },
      });
    return { isOptedOut };
  });
}
