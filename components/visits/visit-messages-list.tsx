import {
  VisitMessageKind,
  VisitMessageRecipient,
  VisitMessageStatus,
} from "@/generated/prisma/enums";
import { formatDateTime, formatOffsetMinutes, formatTime } from "@/lib/format";

import type { VisitMessageSummary } from "@/lib/visit-messages/types";

const KIND: Record<VisitMessageKind, string> = {
  [VisitMessageKind.INVITATION]: "Invitation",
  [VisitMessageKind.UPDATE]: "New-time notice",
  [VisitMessageKind.CANCELLATION]: "Cancellation notice",
  [VisitMessageKind.REMINDER]: "Reminder",
};

/** The mark before each line, so that the state does not rest on colour alone. */
const MARK: Record<VisitMessageStatus, { mark: string; className: string }> = {
  [VisitMessageStatus.SENT]: { mark: "✓", className: "text-green-800" },
  [VisitMessageStatus.QUEUED]: { mark: "…", className: "text-slate-700" },
  [VisitMessageStatus.FAILED]: { mark: "✕", className: "text-red-800" },
  [VisitMessageStatus.BOUNCED]: { mark: "✕", className: "text-red-800" },
  [VisitMessageStatus.CANCELLED]: { mark: "–", className: "text-slate-700" },
};

function describe(message: VisitMessageSummary, timeZone: string): string {
  const kind =
    message.kind === VisitMessageKind.REMINDER
      ? `Reminder (${formatOffsetMinutes(message.offsetMinutes)} before)`
      : KIND[message.kind];
  const to =
    message.recipient === VisitMessageRecipient.PROVIDER
      ? `${message.maskedAddress} (provider)`
      : message.maskedAddress;
  switch (message.status) {
    case VisitMessageStatus.SENT:
      return `${kind} sent to ${to} at ${formatTime(message.sentAt ?? message.notBefore, timeZone)}`;
    case VisitMessageStatus.QUEUED:
      if (message.attempts > 0)
        return `${kind} to ${to} not sent yet (${message.lastError ?? "no answer"}): next attempt at ${formatTime(message.notBefore, timeZone)}`;
      return message.kind === VisitMessageKind.REMINDER
        ? `${kind} to ${to} goes ${formatDateTime(message.notBefore, timeZone)}`
        : `${kind} to ${to} is being sent`;
    case VisitMessageStatus.FAILED:
      return `${kind} to ${to} failed: ${message.lastError ?? "no answer"}`;
    case VisitMessageStatus.BOUNCED:
      return `${kind} to ${to} bounced: ${message.lastError ?? "address refused"}`;
    case VisitMessageStatus.CANCELLED:
      return `${kind} to ${to} not sent: ${message.lastError ?? "no longer needed"}`;
  }
}

/** On a visit card: every message of the visit and what became of it. */
export function VisitMessagesList({
  visitId,
  messages,
  timeZone,
}: {
  visitId: string;
  messages: VisitMessageSummary[];
  timeZone: string;
}) {
  if (messages.length === 0) return null;
  return (
    <section aria-labelledby={`messages-${visitId}`} className="mt-3">
      <h4 id={`messages-${visitId}`} className="text-sm font-semibold text-slate-800">
        Messages
      </h4>
      <ul className="mt-1 space-y-1 text-sm">
        {messages.map((message) => {
          const { mark, className } = MARK[message.status];
          return (
            <li key={message.id} className={className}>
              <span aria-hidden>{mark} </span>
              {describe(message, timeZone)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
