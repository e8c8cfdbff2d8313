import {
  CalendarSubjectName,
  VisitMessageKind,
  VisitMessageRecipient,
} from "@/generated/prisma/enums";

import type { ComposeVisitMessageInput } from "./compose-visit-message";

// One visit's facts for the tests: Tuesday, December 8, 2026, 2:30 PM in New York (19:30 UTC).

export const VISIT_ID = "0190b3c4-5d6e-7f80-9a1b-2c3d4e5f6071";
export const VISIT_START = new Date("2026-12-08T19:30:00Z");
export const PATIENT_URL = `https://portal.clinic.test/visits/${VISIT_ID}`;
export const PROVIDER_URL =
  "https://portal.clinic.test/subjects/0190b3c4-0000-7000-8000-000000000001/video";
export const OPT_OUT_URL =
  "https://portal.clinic.test/reminders/stop?token=eyJ2IjoxfQ.c2lnbmF0dXJl";
export const ONE_CLICK_URL =
  "https://portal.clinic.test/api/reminders/stop?token=eyJ2IjoxfQ.c2lnbmF0dXJl";

export function visitMessageInput(
  overrides: Partial<ComposeVisitMessageInput> = {},
): ComposeVisitMessageInput {
  const recipient = overrides.recipient ?? VisitMessageRecipient.PATIENT;
  const kind = overrides.kind ?? VisitMessageKind.INVITATION;
  const isReminder = kind === VisitMessageKind.REMINDER;
  return {
    kind,
    recipient,
    language: "en",
    visitId: VISIT_ID,
    sequence: 0,
    start: VISIT_START,
    durationMinutes: 30,
    timeZone: "America/New_York",
    clinicName: "Riverside Family Clinic",
    providerName: "Priya Shah",
    patient: { firstName: "María", lastName: "López" },
    calendarSubjectName: CalendarSubjectName.INITIALS,
    visitUrl: recipient === VisitMessageRecipient.PATIENT ? PATIENT_URL : PROVIDER_URL,
    optOutUrl: isReminder ? OPT_OUT_URL : undefined,
    oneClickUrl: isReminder ? ONE_CLICK_URL : undefined,
    offsetMinutes: isReminder ? 24 * 60 : undefined,
    organizer: { name: "Riverside Family Clinic", email: "visits@carevisit.test" },
    attendeeEmail:
      recipient === VisitMessageRecipient.PATIENT ? "maria@example.com" : "priya@clinic.test",
    ...overrides,
  };
}
