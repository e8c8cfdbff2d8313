import { CalendarSubjectName, VisitMessageRecipient } from "@/generated/prisma/enums";
import { singleLine } from "@/lib/email/single-line";
import type { Locale } from "@/lib/i18n/constants";

import { visitEmailsTranslator, type VisitEmailsTranslator } from "./visit-emails-translator";
import { formatReminderOffset, formatVisitDuration, formatVisitWhen } from "./visit-time";

// What a visit message may say, worked out once: every name on one line, the time in words, and
// the patient named in the provider's copy only as far as the clinic allows.

export type MessageFactsInput = {
  recipient: VisitMessageRecipient;
  /** The patient's preferred language; the provider's copy is "en". */
  language: Locale;
  start: Date;
  durationMinutes: number;
  /** The clinic's IANA zone: dates are written in it. */
  timeZone: string;
  clinicName: string;
  providerName: string;
  patient: { firstName: string; lastName: string };
  /** Provider's copy: NONE "Video visit", INITIALS "Video visit with M. L.", FULL_NAME. */
  calendarSubjectName: CalendarSubjectName;
  /** The one link: patient → portal visit page, provider → Video Conferencing page. */
  visitUrl: string;
  /** Reminders only: the page that stops reminders (signed token inside). */
  optOutUrl?: string;
  /** Reminders only: minutes before the start. */
  offsetMinutes?: number;
};

export type MessageFacts = {
  t: VisitEmailsTranslator;
  language: Locale;
  recipient: VisitMessageRecipient;
  clinic: string;
  provider: string;
  patientFirstName: string;
  /** The recipient's own name (the calendar's ATTENDEE). */
  recipientName: string;
  /** Provider's copy: "a patient", "M. L." or "Maria Lopez"; null when the clinic names nobody. */
  patientLabel: string | null;
  when: string;
  duration: string;
  /** Reminders: the lead time in words ("24 hours"). */
  offset: string | null;
  visitUrl: string;
  optOutUrl: string | null;
};

/** A link we put in an email or a header: http(s), with nothing that could end a line or a header. */
export function checkedUrl(value: string, what: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !["http:", "https:"].includes(url.protocol) || /[\s<>"]/u.test(value)) {
    throw new Error(`The ${what} is not a plain http(s) address`);
  }
  return value;
}

function initials(firstName: string, lastName: string): string {
  return [firstName, lastName]
    .map((name) => Array.from(name.trim())[0])
    .filter((initial): initial is string => initial !== undefined)
    .map((initial) => `${initial.toLocaleUpperCase()}.`)
    .join(" ");
}

function patientLabelOf(input: MessageFactsInput, firstName: string, lastName: string) {
  if (input.recipient === VisitMessageRecipient.PATIENT) return null;
  const full = singleLine(`${firstName} ${lastName}`);
  if (input.calendarSubjectName === CalendarSubjectName.FULL_NAME && full) return full;
  if (input.calendarSubjectName === CalendarSubjectName.INITIALS)
    return initials(firstName, lastName) || null;
  return null;
}

export function deriveMessageFacts(input: MessageFactsInput): MessageFacts {
  const t = visitEmailsTranslator(input.language);
  const firstName = singleLine(input.patient.firstName);
  const lastName = singleLine(input.patient.lastName);
  const provider = singleLine(input.providerName);
  const isPatient = input.recipient === VisitMessageRecipient.PATIENT;
  return {
    t,
    language: input.language,
    recipient: input.recipient,
    clinic: singleLine(input.clinicName),
    provider,
    patientFirstName: firstName,
    recipientName: isPatient ? singleLine(`${firstName} ${lastName}`) : provider,
    patientLabel: patientLabelOf(input, firstName, lastName),
    when: formatVisitWhen(input.start, input.timeZone, input.language, t),
    duration: formatVisitDuration(input.durationMinutes, t),
    offset: input.offsetMinutes === undefined ? null : formatReminderOffset(input.offsetMinutes, t),
    visitUrl: checkedUrl(input.visitUrl, "visit link"),
    optOutUrl: input.optOutUrl === undefined ? null : checkedUrl(input.optOutUrl, "opt-out link"),
  };
}
