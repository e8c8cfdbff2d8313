import { describe, expect, it } from "vitest";

import { VisitMessageRecipient } from "@/generated/prisma/enums";
import {
  planVisitMessages,
  type VisitMessageFacts,
} from "@/lib/visit-messages/plan-visit-messages";

const NOW = new Date("2026-12-07T15:00:00Z");
const HOUR = 3_600_000;
const facts = (overrides: Partial<VisitMessageFacts> = {}): VisitMessageFacts => ({
  change: "scheduled",
  sequence: 0,
  start: new Date(NOW.getTime() + 48 * HOUR),
  patientEmail: "maria@example.com",
  isPatientOptedOut: false,
  providerEmail: "priya@clinic.test",
  reminderOffsetsMinutes: [1440, 15],
  alreadyTold: new Set(),
  now: NOW,
  ...overrides,
});
const kinds = (planned: ReturnType<typeof planVisitMessages>) =>
  planned.map((message) => `${message.kind} ${message.recipient} ${message.offsetMinutes}`);

describe("planVisitMessages", () => {
  it("invites both and reminds the patient at each offset, at start minus the offset", () => {
    const planned = planVisitMessages(facts());
    expect(kinds(planned)).toEqual([
      "INVITATION PATIENT 0",
      "INVITATION PROVIDER 0",
      "REMINDER PATIENT 1440",
      "REMINDER PATIENT 15",
    ]);
    expect(planned[2]?.notBefore.toISOString()).toBe("2026-12-08T15:00:00.000Z");
    expect(planned[0]?.notBefore).toEqual(NOW);
  });

  it("leaves out the reminders whose time has passed, and the patient without an address", () => {
    const soon = new Date(NOW.getTime() + 20 * 60_000);
    expect(kinds(planVisitMessages(facts({ start: soon })))).toEqual([
      "INVITATION PATIENT 0",
      "INVITATION PROVIDER 0",
      "REMINDER PATIENT 15",
    ]);
    const tenMinutes = new Date(NOW.getTime() + 10 * 60_000);
    expect(kinds(planVisitMessages(facts({ start: tenMinutes })))).toHaveLength(2);
    expect(kinds(planVisitMessages(facts({ patientEmail: null })))).toEqual([
      "INVITATION PROVIDER 0",
    ]);
  });

  it("keeps the reminders of a patient who stopped them stopped, and plans none when the clinic has none", () => {
    const stopped = planVisitMessages(facts({ isPatientOptedOut: true }));
    expect(stopped.map((message) => message.isStopped)).toEqual([false, false, true, true]);
    expect(kinds(planVisitMessages(facts({ reminderOffsetsMinutes: [] })))).toHaveLength(2);
  });

  it("updates whoever was told, invites whoever was not, and cancels only for those told", () => {
    const told = new Set([VisitMessageRecipient.PATIENT]);
    expect(kinds(planVisitMessages(facts({ change: "rescheduled", alreadyTold: told })))).toEqual([
      "UPDATE PATIENT 0",
      "INVITATION PROVIDER 0",
      "REMINDER PATIENT 1440",
      "REMINDER PATIENT 15",
    ]);
    expect(kinds(planVisitMessages(facts({ change: "cancelled", alreadyTold: told })))).toEqual([
      "CANCELLATION PATIENT 0",
    ]);
    expect(planVisitMessages(facts({ change: "cancelled" }))).toEqual([]);
  });

  it("tells only the patient of a meeting started now", () => {
    expect(kinds(planVisitMessages(facts({ change: "started", start: NOW })))).toEqual([
      "INVITATION PATIENT 0",
    ]);
  });
});
