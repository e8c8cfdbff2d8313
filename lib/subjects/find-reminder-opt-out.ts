import "server-only";

import { db } from "@/lib/db/db";
import { parseReminderOptOutToken } from "@/lib/visit-messages/opt-out-token";

export type ReminderOptOut = {
  clinicName: string;
  /** The subject's preferred language ("en" or "es"), which the page is written in. */
  preferredLanguage: string;
  isOptedOut: boolean;
};

/**
 * What the opt-out page shows for a reminder's link: the clinic's name and whether reminders are
 * stopped, nothing about the patient. Null when the token is not one of ours or its subject no
 * longer exists. Not audited: it reads no personal data.
 */
export async function findReminderOptOut({
  token,
}: {
  token: unknown;
}): Promise<ReminderOptOut | null> {
  const subjectId = parseReminderOptOutToken(token);
  if (!subjectId) return null;
  const subject = await db.subject.findUnique({
    where: { id: subjectId },
    select: {
      preferredLanguage: true,
      remindersOptedOutAt: true,
      organization: { select: { name: true } },
    },
  });
  if (!subject) return null;
  return {
    clinicName: subject.organization.name,
    preferredLanguage: subject.preferredLanguage,
    isOptedOut: subject.remindersOptedOutAt !== null,
  };
}
