import ICAL from "ical.js";

import type { ReceivedEmail } from "@/tests/support/smtp-inbox";

// Reads a delivered calendar file with ical.js, a parser independent of the library that wrote it.

export type DeliveredCalendar = {
  method: string;
  uid: string;
  sequence: number;
  start: Date;
  status: string | null;
  url: string | null;
};

export function calendarIn(message: ReceivedEmail): DeliveredCalendar {
  const part = message.attachments.find((attachment) => attachment.mimeType === "text/calendar");
  if (!part) throw new Error(`No calendar file in "${message.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content) as unknown[]);
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("The calendar file has no VEVENT");
  const value = (component: ICAL.Component, name: string) => {
    const found = component.getFirstPropertyValue(name);
    return found === null || found === undefined ? null : String(found);
  };
  const start = event.getFirstPropertyValue("dtstart") as ICAL.Time;
  return {
    method: value(calendar, "method") ?? "",
    uid: value(event, "uid") ?? "",
    sequence: Number(value(event, "sequence") ?? "0"),
    start: start.toJSDate(),
    status: value(event, "status"),
    url: value(event, "url"),
  };
}
