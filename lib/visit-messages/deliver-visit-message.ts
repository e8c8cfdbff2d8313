import "server-only";

import {
  VisitMessageKind,
  VisitMessageRecipient,
  VisitMessageStatus,
  VisitStatus,
} from "@/generated/prisma/enums";
import type { db } from "@/lib/db/db";
import { pooledSql } from "@/lib/db/sql";
import { sendEmail, type EmailMessage, type SentEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { REMINDERS_STOPPED_REASON } from "@/lib/subjects/constants";
import {
  composeVisitMessage,
  type ComposeVisitMessageInput,
} from "@/lib/visit-messages/compose-visit-message";
import {
  buildReminderOneClickUrl,
  buildReminderOptOutUrl,
} from "@/lib/visit-messages/opt-out-token";
import {
  buildFinishMessageSql,
  type MessageOutcomeFields,
} from "@/lib/visit-messages/finish-message.sql";
import { classifySmtpFailure, retryDelayMs } from "@/lib/visit-messages/smtp-failure";

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

type ClaimedMessage = Awaited<
  ReturnType<typeof db.visitMessage.findMany<{ select: typeof deliverySelect }>>
>[number];

export type DeliveryOutcome = "sent" | "retrying" | "failed" | "bounced" | "cancelled";

export type Send = (message: EmailMessage) => Promise<SentEmail>;

/** Sends one claimed message, unless the visit no longer calls for it, and records what happened. */
export async function deliverVisitMessage(
  message: ClaimedMessage,
  now: Date,
  send: Send = sendEmail,
): Promise<DeliveryOutcome> {
  const reason = reasonNotToSend(message, now);
  const to = addressOf(message);
  if (reason || !to) {
    await finish(message.id, VisitMessageStatus.CANCELLED, { lastError: reason ?? NO_EMAIL });
    return "cancelled";
  }
  let composed;
  try {
    composed = composeVisitMessage(composeInput(message, to));
    await send({
      to,
      subject: composed.subject,
      text: composed.text,
      html: composed.html,
      calendar: composed.calendar,
      headers: composed.headers,
      messageId: `<visit-message-${message.id}@${sender().domain}>`,
    });
  } catch (error) {
    return recordFailure(message, error, now);
  }
  await finish(message.id, VisitMessageStatus.SENT, {
    toAddress: to,
    sentAt: now,
    lastError: null,
  });
  return "sent";
}

const NO_EMAIL = "The patient has no email address";

function reasonNotToSend(message: ClaimedMessage, now: Date): string | null {
  const { visit } = message;
  if (message.kind === VisitMessageKind.CANCELLATION) return null;
  if (visit.status === VisitStatus.CANCELLED) return "The visit was cancelled";
  if (message.sequence !== visit.calendarSequence) return "Replaced by a later change to the visit";
  if (message.kind !== VisitMessageKind.REMINDER) return null;
  if (visit.status !== VisitStatus.SCHEDULED || visit.scheduledStart <= now)
    return "Too late: the visit had already begun";
  if (visit.subject.remindersOptedOutAt) return REMINDERS_STOPPED_REASON;
  return null;
}

/** The patient's address as it is now (it may have changed since queuing); the provider's. */
function addressOf(message: ClaimedMessage): string | null {
  if (message.recipient === VisitMessageRecipient.PROVIDER) return message.visit.provider.email;
  return message.visit.subject.email;
}

/** Our sender's address and its domain (for the Message-ID), from EMAIL_FROM. */
function sender() {
  const address = /<([^>]+)>/.exec(env.EMAIL_FROM)?.[1] ?? env.EMAIL_FROM;
  return { address, domain: address.split("@")[1] ?? "carevisit.invalid" };
}

function composeInput(message: ClaimedMessage, to: string): ComposeVisitMessageInput {
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

async function recordFailure(
  message: ClaimedMessage,
  error: unknown,
  now: Date,
): Promise<DeliveryOutcome> {
  const failure = classifySmtpFailure(error);
  // Codes only: the answer may name the address, which stays out of logs.
  log.warn("visit_message.send_failed", {
    visitMessageId: message.id,
    outcome: failure.outcome,
    attempts: message.attempts,
    ...smtpErrorCodes(error),
  });
  const delay = failure.outcome === "retry" ? retryDelayMs(message.attempts) : null;
  if (delay !== null) {
    await finish(message.id, VisitMessageStatus.QUEUED, {
      lastError: failure.answer,
      notBefore: new Date(now.getTime() + delay),
    });
    return "retrying";
  }
  const status =
    failure.outcome === "bounced" ? VisitMessageStatus.BOUNCED : VisitMessageStatus.FAILED;
  await finish(message.id, status, { lastError: failure.answer });
  return status === VisitMessageStatus.BOUNCED ? "bounced" : "failed";
}

function smtpErrorCodes(error: unknown): Record<string, string | number> {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return {
    ...(typeof code === "string" && { errorCode: code }),
    ...(typeof responseCode === "number" && { responseCode }),
  };
}

async function finish(
  id: string,
  status: VisitMessageStatus,
  fields: MessageOutcomeFields,
): Promise<void> {
  await pooledSql.execute(buildFinishMessageSql(id, status, fields, new Date()));
}
