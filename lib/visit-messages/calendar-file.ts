import { createEvent, type EventAttributes } from "ics";

import { singleLine } from "@/lib/email/single-line";

// The visit's iCalendar object (RFC 5545) with the scheduling method of RFC 5546: REQUEST adds or
// updates the entry, CANCEL removes it. `ics` writes and text-escapes the properties; this file
// adds what it leaves to the caller (parameter values, the alarm's text, folding by octets).

export type CalendarMethod = "REQUEST" | "CANCEL";

export type CalendarFileInput = {
  method: CalendarMethod;
  uid: string;
  sequence: number;
  start: Date;
  durationMinutes: number;
  summary: string;
  description: string;
  /** The one link: URL and LOCATION. */
  url: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** REQUEST only: a display alarm this many minutes before the start. */
  alarm?: { minutesBefore: number; description: string };
};

const PRODUCT_ID = "-//CareVisit//Visit messages//EN";
const MAX_LINE_OCTETS = 75;

/** The visit's calendar UID: the same in every message of the visit, forever. */
export function visitCalendarUid(visitId: string): string {
  return `visit-${visitId}@carevisit`;
}

/**
 * A quoted parameter value (CN=…) may hold neither a DQUOTE nor a control character, and `ics`
 * does not escape them (RFC 5545 §3.1 has no escape inside parameters): a quote becomes an apostrophe.
 */
function parameterValue(value: string): string {
  return singleLine(value).replace(/"/g, "'");
}

/** TEXT escaping (RFC 5545 §3.3.11) for the alarm's DESCRIPTION, which `ics` writes as given. */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** UTF-8 length of one code point. */
function utf8Octets(character: string): number {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

function foldLine(line: string): string {
  if (Buffer.byteLength(line, "utf8") <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let part = "";
  let octets = 0;
  for (const character of line) {
    const size = utf8Octets(character);
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(part);
      part = "";
      octets = 0;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join("\r\n ");
}

/**
 * Folds content lines at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. `ics` folds at
 * 75 characters, so a line of accented names or emoji could exceed 75 octets.
 */
function foldByOctets(content: string): string {
  return content
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map(foldLine)
    .join("\r\n");
}

/** The calendar file's text. An error from `ics` is a bug in what we passed, so it throws. */
export function buildCalendarFile(input: CalendarFileInput): string {
  const attributes: EventAttributes = {
    productId: PRODUCT_ID,
    method: input.method,
    uid: input.uid,
    sequence: input.sequence,
    start: input.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: input.durationMinutes },
    title: input.summary,
    description: input.description,
    url: input.url,
    location: input.url,
    status: input.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    organizer: { name: parameterValue(input.organizer.name), email: input.organizer.email },
    attendees: [
      {
        name: parameterValue(input.attendee.name),
        email: input.attendee.email,
        rsvp: false,
        partstat: "NEEDS-ACTION",
        role: "REQ-PARTICIPANT",
      },
    ],
    alarms:
      input.method === "REQUEST" && input.alarm
        ? [
            {
              action: "display",
              description: escapeText(input.alarm.description),
              trigger: { minutes: input.alarm.minutesBefore, before: true },
            },
          ]
        : undefined,
  };
  const { error, value } = createEvent(attributes);
  if (error || !value)
    throw new Error("Could not write the visit's calendar file", { cause: error });
  return foldByOctets(value);
}
