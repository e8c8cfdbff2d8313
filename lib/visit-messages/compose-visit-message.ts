import { VisitMessageKind, VisitMessageRecipient } from "@/generated/prisma/enums";
import { type MessageContent, renderMessage } from "@/lib/email/messages/render";
import { singleLine } from "@/lib/email/single-line";

import { buildCalendarFile, type CalendarMethod, visitCalendarUid } from "./calendar-file";
import {
  checkedUrl,
  deriveMessageFacts,
  type MessageFacts,
  type MessageFactsInput,
} from "./message-facts";
import { patientInWords } from "./message-blocks";
import {
  cancellationMessage,
  invitationMessage,
  reminderMessage,
  updateMessage,
} from "./visit-message-templates";

// One visit message's facts → its email (subject, plain text, HTML) and calendar file. Pure: no
// database, no clock except the calendar's DTSTAMP. The outbox job calls it when it sends.

export type ComposeVisitMessageInput = MessageFactsInput & {
  kind: VisitMessageKind;
  /** The calendar UID is derived from it and stable forever. */
  visitId: string;
  /** iCalendar SEQUENCE: 0 when scheduled, +1 per reschedule and on cancel. */
  sequence: number;
  /** Reminders only: where mail clients' one-click "Unsubscribe" POSTs (RFC 8058). */
  oneClickUrl?: string;
  /** ORGANIZER of the calendar entry (clinic name, our sender address). */
  organizer: { name: string; email: string };
  /** The recipient. */
  attendeeEmail: string;
};

export type ComposedVisitMessage = {
  subject: string;
  text: string;
  html: string;
  /** INVITATION and UPDATE: METHOD:REQUEST; CANCELLATION: METHOD:CANCEL; REMINDER: none. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
  /** Reminders: the List-Unsubscribe and List-Unsubscribe-Post headers (RFC 8058 one-click). */
  headers?: Record<string, string>;
};

/** The calendar entry's own alarm, minutes before the start. */
export const CALENDAR_ALARM_MINUTES = 15;

const TEMPLATES: Record<VisitMessageKind, (facts: MessageFacts) => MessageContent> = {
  [VisitMessageKind.INVITATION]: invitationMessage,
  [VisitMessageKind.UPDATE]: updateMessage,
  [VisitMessageKind.CANCELLATION]: cancellationMessage,
  [VisitMessageKind.REMINDER]: reminderMessage,
};

const CALENDAR_METHODS: Record<VisitMessageKind, CalendarMethod | null> = {
  [VisitMessageKind.INVITATION]: "REQUEST",
  [VisitMessageKind.UPDATE]: "REQUEST",
  [VisitMessageKind.CANCELLATION]: "CANCEL",
  [VisitMessageKind.REMINDER]: null,
};

function calendarSummary(facts: MessageFacts): string {
  const { t } = facts;
  if (facts.recipient === VisitMessageRecipient.PATIENT) {
    return t("calendar.patientSummary", { provider: facts.provider, clinic: facts.clinic });
  }
  return facts.patientLabel
    ? t("calendar.providerSummaryWith", { patient: patientInWords(facts) })
    : t("calendar.providerSummary");
}

function calendarDescription(facts: MessageFacts, method: CalendarMethod): string {
  const { t } = facts;
  if (method === "CANCEL") return t("calendar.cancelledDescription", { clinic: facts.clinic });
  return facts.recipient === VisitMessageRecipient.PATIENT
    ? t("calendar.patientDescription", { url: facts.visitUrl })
    : t("calendar.providerDescription", { url: facts.visitUrl });
}

function calendarFile(
  input: ComposeVisitMessageInput,
  facts: MessageFacts,
  method: CalendarMethod,
) {
  return buildCalendarFile({
    method,
    uid: visitCalendarUid(input.visitId),
    sequence: input.sequence,
    start: input.start,
    durationMinutes: input.durationMinutes,
    summary: calendarSummary(facts),
    description: calendarDescription(facts, method),
    url: facts.visitUrl,
    organizer: input.organizer,
    attendee: { name: facts.recipientName, email: input.attendeeEmail },
    alarm: {
      minutesBefore: CALENDAR_ALARM_MINUTES,
      description: facts.t("calendar.alarm", { minutes: CALENDAR_ALARM_MINUTES }),
    },
  });
}

export function composeVisitMessage(input: ComposeVisitMessageInput): ComposedVisitMessage {
  const facts = deriveMessageFacts(input);
  const content = TEMPLATES[input.kind](facts);
  // Every value in the subject is on one line already; the whole subject is too, to be sure.
  const message: ComposedVisitMessage = renderMessage({
    ...content,
    subject: singleLine(content.subject),
  });
  const method = CALENDAR_METHODS[input.kind];
  if (method) message.calendar = { method, content: calendarFile(input, facts, method) };
  if (input.kind === VisitMessageKind.REMINDER && input.oneClickUrl) {
    message.headers = {
      "List-Unsubscribe": `<${checkedUrl(input.oneClickUrl, "one-click link")}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    };
  }
  return message;
}
