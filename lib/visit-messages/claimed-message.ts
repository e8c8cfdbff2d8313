import "server-only";

import { VisitMessageKind, VisitMessageRecipient, VisitStatus } from "@/generated/prisma/enums";
import type { db } from "@/lib/db/db";
import { env } from "@/lib/env";
import { REMINDERS_STOPPED_REASON } from "@/lib/subjects/constants";
import type { TakenMessageRow } from "@/lib/visit-messages/claim-due-messages.sql";
import type { ComposeVisitMessageInput } from "@/lib/visit-messages/compose-visit-message";
import {
  buildReminderOneClickUrl,
  buildReminderOptOutUrl,
} from "@/lib/visit-messages/opt-out-token";

// What a claimed visit message is about, read once when it is claimed and brought up to date
// right before the send: whether the visit as it is now still calls for it, where it goes, and
// what it says.

export const deliverySelect = {
  id: true,
  kind: true,
  recipient: true,
  sequence: true,
  offsetMinutes: true,
  attempts: true,
  visit: {
    select: {
      id: true,
      subjectId: true,
      status: true,
      scheduledStart: true,
      durationMinutes: true,
      calendarSequence: true,
      organization: { select: { name: true, timeZone: true, calendarSubjectName: true } },
      provider: { select: { firstName: true, lastName: true, email: true } },
      subject: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          email: true,
          preferredLanguage: true,
          remindersOptedOutAt: true,
        },
      },
    },
  },
} as const;

export type ClaimedMessage = Awaited<
  ReturnType<typeof db.visitMessage.findMany<{ select: typeof deliverySelect }>>
>[number];

export function visitAsNow(taken: TakenMessageRow) {
  return {
    status: taken.status as VisitStatus,
    calendarSequence: taken.calendarSequence,
    scheduledStart: taken.scheduledStart,
    durationMinutes: taken.durationMinutes,
  };
}

export function reasonNotToSend(message: ClaimedMessage, now: Date): string | null {
  const { visit } = message;
  if (message.kind === VisitMessageKind.CANCELLATION) return null;
  if (visit.status === VisitStatus.CANCELLED) return "The visit was cancelled";
  if (message.sequence !== visit.calendarSequence) return "Replaced by a later change to the visit";
  const ends = visit.scheduledStart.getTime() + visit.durationMinutes * 60_000;
  if (ends <= now.getTime()) return "Too late: the visit is over";
  if (message.kind !== VisitMessageKind.REMINDER) return null;
  if (visit.status !== VisitStatus.SCHEDULED || visit.scheduledStart <= now)
    return "Too late: the visit had already begun";
  // A reminder held up (retries, an outage) past half its lead time would say the wrong thing.
  const leadMs = visit.scheduledStart.getTime() - now.getTime();
  if (leadMs < (message.offsetMinutes * 60_000) / 2) return "Too late for this reminder";
  if (visit.subject.remindersOptedOutAt) return REMINDERS_STOPPED_REASON;
  return null;
}

/** The patient's address as it is now (it may have changed since queuing); the provider's. */
export function addressOf(message: ClaimedMessage): string | null {
  if (message.recipient === VisitMessageRecipient.PROVIDER) return message.visit.provider.email;
  return message.visit.subject.email;
}

/** Our sender's address and its domain (for the Message-ID), from EMAIL_FROM. */
export function sender() {
  const address = /<([^>]+)>/.exec(env.EMAIL_FROM)?.[1] ?? env.EMAIL_FROM;
  return { address, domain: address.split("@")[1] ?? "carevisit.invalid" };
}

export function composeInput(message: ClaimedMessage, to: string): ComposeVisitMessageInput {
  const { visit } = message;
  const isPatient = message.recipient === VisitMessageRecipient.PATIENT;
  const path = isPatient ? `/visits/${visit.id}` : `/subjects/${visit.subjectId}/video`;
  return {
    kind: message.kind,
    recipient: message.recipient,
    language: isPatient && visit.subject.preferredLanguage === "es" ? "es" : "en",
    visitId: visit.id,
    sequence: message.sequence,
    start: visit.scheduledStart,
    durationMinutes: visit.durationMinutes,
    timeZone: visit.organization.timeZone,
    clinicName: visit.organization.name,
    providerName: `${visit.provider.firstName} ${visit.provider.lastName}`,
    patient: { firstName: visit.subject.firstName, lastName: visit.subject.lastName },
    calendarSubjectName: visit.organization.calendarSubjectName,
    visitUrl: new URL(path, env.APP_BASE_URL).toString(),
    ...(message.kind === VisitMessageKind.REMINDER && {
      optOutUrl: buildReminderOptOutUrl(visit.subject.id),
      oneClickUrl: buildReminderOneClickUrl(visit.subject.id),
      offsetMinutes: message.offsetMinutes,
    }),
    organizer: { name: visit.organization.name, email: sender().address },
    attendeeEmail: to,
  };
}
