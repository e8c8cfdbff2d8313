import "server-only";

import { VisitMessageStatus } from "@/generated/prisma/enums";
import { pooledSql } from "@/lib/db/sql";
import { sendEmail, type EmailMessage, type SentEmail } from "@/lib/email/send-email";
import { errorFields, log } from "@/lib/log";
import {
  buildTakeMessageSql,
  type TakenMessageRow,
} from "@/lib/visit-messages/claim-due-messages.sql";
import {
  addressOf,
  type ClaimedMessage,
  composeInput,
  reasonNotToSend,
  sender,
  visitAsNow,
} from "@/lib/visit-messages/claimed-message";
import { composeVisitMessage } from "@/lib/visit-messages/compose-visit-message";
import {
  buildFinishMessageSql,
  type MessageOutcomeFields,
} from "@/lib/visit-messages/finish-message.sql";
import { classifySmtpFailure, retryDelayMs } from "@/lib/visit-messages/smtp-failure";

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
