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
import { errorFields, log } from "@/lib/log";
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
  buildTakeMessageSql,
  type TakenMessageRow,
} from "@/lib/visit-messages/claim-due-messages.sql";
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

export type DeliveryOutcome =
  | "sent"
  | "retrying"
  | "failed"
  | "bounced"
  | "cancelled"
  /** Another dispatcher holds it now (this one's lease ran out), or it is no longer queued. */
  | "skipped";

export type Send = (message: EmailMessage) => Promise<SentEmail>;

export type DeliveryOptions = { lease: string; now: Date; leaseMs: number; send?: Send };

/**
 * Sends one claimed message, unless the visit as it is now no longer calls for it, and records
 * what happened, as long as this dispatcher still holds the message's lease.
 */
export async function deliverVisitMessage(
  message: ClaimedMessage,
  { lease: claimed, now, leaseMs, send = sendEmail }: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const [taken] = await pooledSql.query<TakenMessageRow>(
    buildTakeMessageSql(message.id, claimed, now, leaseMs),
  );
  if (!taken) return "skipped";
  const lease = taken.lease;
  const current = { ...message, visit: { ...message.visit, ...visitAsNow(taken) } };
  const reason = reasonNotToSend(current, now);
  const to = addressOf(current);
  if (reason || !to) {
    await finish(message.id, lease, VisitMessageStatus.CANCELLED, {
      lastError: reason ?? NO_EMAIL,
    });
    return "cancelled";
  }
  let composed;
  try {
    composed = composeVisitMessage(composeInput(current, to));
  } catch (error) {
    // Our bug, not the mail server's: retrying would not help, and its text is not for the page.
    log.error("visit_message.compose_failed", {
      visitMessageId: message.id,
      ...errorFields(error),
    });
    await finish(message.id, lease, VisitMessageStatus.FAILED, { lastError: COMPOSE_FAILED });
    return "failed";
  }
  try {
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
    return recordFailure(message, lease, error, now);
  }
  await finish(message.id, lease, VisitMessageStatus.SENT, {
    toAddress: to,
    sentAt: new Date(),
    lastError: null,
  });
  return "sent";
}

const NO_EMAIL = "The patient has no email address";
const COMPOSE_FAILED = "The message could not be written (a fault on our side; it was logged)";

function visitAsNow(taken: TakenMessageRow) {
  return {
    status: taken.status as VisitStatus,
    calendarSequence: taken.calendarSequence,
    scheduledStart: taken.scheduledStart,
    durationMinutes: taken.durationMinutes,
  };
}

function reasonNotToSend(message: ClaimedMessage, now: Date): string | null {
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
  lease: string,
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
    await finish(message.id, lease, VisitMessageStatus.QUEUED, {
      lastError: failure.answer,
      notBefore: new Date(now.getTime() + delay),
    });
    return "retrying";
  }
  const status =
    failure.outcome === "bounced" ? VisitMessageStatus.BOUNCED : VisitMessageStatus.FAILED;
  await finish(message.id, lease, status, { lastError: failure.answer });
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
  lease: string,
  status: VisitMessageStatus,
  fields: MessageOutcomeFields,
): Promise<void> {
  await pooledSql.execute(buildFinishMessageSql(id, lease, status, fields, new Date()));
}
