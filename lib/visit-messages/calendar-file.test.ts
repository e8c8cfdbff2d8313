import ICAL from "ical.js";
import { describe, expect, it } from "vitest";

import {
  CalendarSubjectName,
  VisitMessageKind,
  VisitMessageRecipient,
} from "@/generated/prisma/enums";

import { buildCalendarFile, visitCalendarUid } from "./calendar-file";
import { composeVisitMessage, type ComposeVisitMessageInput } from "./compose-visit-message";
import { PATIENT_URL, visitMessageInput, VISIT_ID, VISIT_START } from "./visit-message-fixture";

// Every calendar file is read back with ical.js, a parser independent of the `ics` writer.

function calendarOf(overrides: Partial<ComposeVisitMessageInput>) {
  const message = composeVisitMessage(visitMessageInput(overrides));
  if (!message.calendar) throw new Error("no calendar file");
  const calendar = ICAL.Component.fromString(message.calendar.content);
  const vevents = calendar.getAllSubcomponents("vevent");
  expect(vevents).toHaveLength(1);
  const vevent = vevents[0]!;
  return {
    message,
    raw: message.calendar.content,
    calendar,
    vevent,
    event: new ICAL.Event(vevent),
  };
}

describe("the visit's calendar file", () => {
  it("invites, updates and cancels the same entry: one UID, a rising SEQUENCE", () => {
    const invitation = calendarOf({ kind: VisitMessageKind.INVITATION, sequence: 0 });
    const moved = new Date("2026-12-09T15:00:00Z");
    const update = calendarOf({ kind: VisitMessageKind.UPDATE, sequence: 1, start: moved });
    const cancel = calendarOf({ kind: VisitMessageKind.CANCELLATION, sequence: 2, start: moved });

    expect(
      [invitation, update, cancel].map((file) => file.calendar.getFirstPropertyValue("method")),
    ).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
    expect([invitation, update, cancel].map((file) => file.message.calendar?.method)).toEqual([
      "REQUEST",
      "REQUEST",
      "CANCEL",
    ]);
    const uids = [invitation, update, cancel].map((file) => file.event.uid);
    expect(new Set(uids)).toEqual(new Set([`visit-${VISIT_ID}@carevisit`]));
    expect([invitation, update, cancel].map((file) => file.event.sequence)).toEqual([0, 1, 2]);
    expect(invitation.event.startDate.toJSDate().toISOString()).toBe(VISIT_START.toISOString());
    expect(update.event.startDate.toJSDate().toISOString()).toBe(moved.toISOString());
    expect(invitation.event.startDate.zone.tzid).toBe("UTC");
    expect(invitation.event.endDate.toJSDate().getTime() - VISIT_START.getTime()).toBe(30 * 60_000);
    expect(cancel.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(invitation.vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(invitation.vevent.getFirstPropertyValue("dtstamp")).not.toBeNull();
  });

  it("alarms 15 minutes before on REQUEST, and not on CANCEL", () => {
    for (const kind of [VisitMessageKind.INVITATION, VisitMessageKind.UPDATE]) {
      const alarms = calendarOf({ kind }).vevent.getAllSubcomponents("valarm");
      expect(alarms).toHaveLength(1);
      expect(alarms[0]!.getFirstPropertyValue("action")).toBe("DISPLAY");
      expect(alarms[0]!.getFirstProperty("trigger")?.toICALString()).toBe("TRIGGER:-PT15M");
      expect(alarms[0]!.getFirstPropertyValue("description")).toBe("Video visit in 15 minutes");
    }
    const cancel = calendarOf({ kind: VisitMessageKind.CANCELLATION });
    expect(cancel.vevent.getAllSubcomponents("valarm")).toHaveLength(0);
  });

  it("links the visit's page as URL and LOCATION, with how to join in DESCRIPTION", () => {
    const { vevent } = calendarOf({});
    expect(vevent.getFirstPropertyValue("url")).toBe(PATIENT_URL);
    expect(vevent.getFirstPropertyValue("location")).toBe(PATIENT_URL);
    expect(vevent.getFirstPropertyValue("description")).toBe(
      `Open your visit page to join the video: ${PATIENT_URL}\n` +
        "Sign in with your password, or use a one-time code sent to your email.",
    );
  });

  it("names the organizer and the attendee", () => {
    const { vevent } = calendarOf({});
    const organizer = vevent.getFirstProperty("organizer")!;
    expect(organizer.getFirstValue()).toMatch(/^mailto:visits@carevisit\.test$/i);
    expect(organizer.getParameter("cn")).toBe("Riverside Family Clinic");
    const attendees = vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getFirstValue()).toBe("mailto:maria@example.com");
    expect(attendees[0]!.getParameter("rsvp")).toBe("FALSE");
  });

  it("sums up the provider's copy only as far as the clinic names the patient", () => {
    const summaryFor = (calendarSubjectName: CalendarSubjectName) =>
      calendarOf({ recipient: VisitMessageRecipient.PROVIDER, calendarSubjectName }).event.summary;
    expect(summaryFor(CalendarSubjectName.NONE)).toBe("Video visit");
    expect(summaryFor(CalendarSubjectName.INITIALS)).toBe("Video visit with M. L.");
    expect(summaryFor(CalendarSubjectName.FULL_NAME)).toBe("Video visit with María López");
    const none = calendarOf({
      recipient: VisitMessageRecipient.PROVIDER,
      calendarSubjectName: CalendarSubjectName.NONE,
    });
    expect(none.raw).not.toMatch(/María|López|M\. L\./);
  });

  it("sums up the patient's copy with the provider and the clinic, in their language", () => {
    expect(calendarOf({}).event.summary).toBe(
      "Video visit with Priya Shah (Riverside Family Clinic)",
    );
    const spanish = calendarOf({ language: "es" });
    expect(spanish.event.summary).toBe(
      "Consulta por video con Priya Shah (Riverside Family Clinic)",
    );
    expect(
      spanish.vevent.getAllSubcomponents("valarm")[0]!.getFirstPropertyValue("description"),
    ).toBe("Consulta por video dentro de 15 minutos");
  });

  it("escapes commas, semicolons, quotes, accents, emoji and line breaks in names", () => {
    const clinicName = 'Smith, Jones; "Partners" \\ Ñandú 🌞\r\nBcc: x@evil.test';
    const { raw, event, vevent } = calendarOf({
      clinicName,
      providerName: "Dr. Zoë O'Brien,\nMD",
      organizer: { name: clinicName, email: "visits@carevisit.test" },
    });
    expect(event.summary).toBe(
      'Video visit with Dr. Zoë O\'Brien, MD (Smith, Jones; "Partners" \\ Ñandú 🌞 Bcc: x@evil.test)',
    );
    expect(vevent.getFirstProperty("organizer")!.getParameter("cn")).toBe(
      "Smith, Jones; 'Partners' \\ Ñandú 🌞 Bcc: x@evil.test",
    );
    // Nothing leaked out of a value into a property of its own.
    const names = vevent.getAllProperties().map((property) => property.name);
    expect(names).not.toContain("bcc");
    for (const line of raw.split("\r\n")) {
      expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    }
    expect(raw.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("puts a patient's full name with a line break on one line", () => {
    const { event, raw } = calendarOf({
      recipient: VisitMessageRecipient.PROVIDER,
      calendarSubjectName: CalendarSubjectName.FULL_NAME,
      patient: { firstName: "Ana\r\nATTENDEE:mailto:x@evil.test", lastName: "Ruiz" },
    });
    expect(event.summary).toBe("Video visit with Ana ATTENDEE:mailto:x@evil.test Ruiz");
    expect(raw.match(/^ATTENDEE/gm)).toHaveLength(1);
  });

  it("comes with invitations, updates and cancellations only", () => {
    const reminder = composeVisitMessage(visitMessageInput({ kind: VisitMessageKind.REMINDER }));
    expect(reminder.calendar).toBeUndefined();
  });

  it("throws when the writer refuses what it was given (a bug, not user input)", () => {
    expect(() =>
      composeVisitMessage(visitMessageInput({ attendeeEmail: "not an address" })),
    ).toThrow("Could not write the visit's calendar file");
  });

  it("escapes the alarm's text, which the writer leaves as given", () => {
    const content = buildCalendarFile({
      method: "REQUEST",
      uid: visitCalendarUid(VISIT_ID),
      sequence: 0,
      start: VISIT_START,
      durationMinutes: 45,
      summary: "Video visit",
      description: "Join from the page",
      url: PATIENT_URL,
      organizer: { name: "Clinic", email: "visits@carevisit.test" },
      attendee: { name: "María López", email: "maria@example.com" },
      alarm: { minutesBefore: 15, description: "Soon, in 15 minutes; get ready\\now" },
    });
    const alarm = ICAL.Component.fromString(content)
      .getFirstSubcomponent("vevent")!
      .getFirstSubcomponent("valarm")!;
    expect(alarm.getFirstPropertyValue("description")).toBe("Soon, in 15 minutes; get ready\\now");
    expect(content).toContain("DURATION:PT45M");
  });
});
