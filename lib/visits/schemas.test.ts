import { describe, expect, it } from "vitest";

import { rescheduleVisitInputSchema, scheduleVisitInputSchema } from "@/lib/visits/schemas";

const SUBJECT_ID = "6f1c1a52-8f0e-4d3b-9a57-2f3f3b1c9d10";
const PROVIDER_ID = "0b7e4c1e-5d2a-4f6b-8c3d-9e8f7a6b5c4d";
const VISIT_ID = "a3d5f7e9-1b2c-4d6e-8f0a-1c3e5a7b9d2f";

const schedule = {
  subjectId: SUBJECT_ID,
  providerId: PROVIDER_ID,
  date: "2027-03-01",
  time: "09:30",
  durationMinutes: "30",
};

/** The field errors of a scheduling post with `changes`, as [field, message] pairs. */
function errorsOf(changes: Record<string, unknown>) {
  const result = scheduleVisitInputSchema.safeParse({ ...schedule, ...changes });
  return result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("scheduleVisitInputSchema", () => {
  it("accepts a calendar date, a time and a listed duration", () => {
    expect(scheduleVisitInputSchema.parse({ ...schedule, date: "2028-02-29" })).toEqual({
      ...schedule,
      date: "2028-02-29",
      durationMinutes: 30,
    });
  });

  // Date.UTC would roll these over (2027-02-30 is 2027-03-02): they must not be stored.
  it.each(["2027-02-29", "2027-02-30", "2027-14-34", "2027-02-00", "2027-00-15", "2027-04-31"])(
    "refuses %j, a date not on the calendar",
    (date) => {
      expect(errorsOf({ date })).toEqual([["date", "Choose a date that exists."]]);
    },
  );

  it.each(["", "tomorrow", "2027-3-1", "20270301", "+02027-03-01", "2027-03-01\u0000"])(
    "refuses %j, not written yyyy-mm-dd, once",
    (date) => {
      expect(errorsOf({ date })).toEqual([["date", "Choose a date."]]);
    },
  );

  it.each(["24:00", "9:30", "09:30\u0000", "09:3\u00000"])("refuses the time %j", (time) => {
    expect(errorsOf({ time })).toEqual([["time", "Choose a time."]]);
  });

  it.each(["", "0", "-12", "31", "30.5", "1e9", "90000"])(
    "refuses the duration %j, not on the list",
    (durationMinutes) => {
      expect(errorsOf({ durationMinutes })).toEqual([
        ["durationMinutes", "Choose a duration from the list."],
      ]);
    },
  );

  it.each(["abc", "Infinity", "٣٠", "3\u00000", undefined])(
    "refuses the duration %j, not a number",
    (durationMinutes) => {
      expect(errorsOf({ durationMinutes })).toEqual([["durationMinutes", "Choose a duration."]]);
    },
  );

  it.each(["", "not-a-uuid", `${SUBJECT_ID}x`, `${SUBJECT_ID.slice(0, 8)}\u0000`, undefined])(
    "refuses the subject id %j as a subject that cannot be found",
    (subjectId) => {
      expect(errorsOf({ subjectId })).toEqual([["subjectId", "This subject cannot be found."]]);
    },
  );

  it.each(["", "1 OR 1=1", `${PROVIDER_ID}\u0000`])("refuses the provider id %j", (providerId) => {
    expect(errorsOf({ providerId })).toEqual([["providerId", "Choose a provider."]]);
  });
});

describe("rescheduleVisitInputSchema", () => {
  const reschedule = {
    visitId: VISIT_ID,
    date: "2027-03-01",
    time: "09:30",
    durationMinutes: "45",
  };

  it("refuses a visit id that is not a UUID as a visit that cannot be found", () => {
    const result = rescheduleVisitInputSchema.safeParse({ ...reschedule, visitId: "visit-1" });
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["visitId", "This visit cannot be found."],
    ]);
  });

  it("refuses a date not on the calendar", () => {
    const result = rescheduleVisitInputSchema.safeParse({ ...reschedule, date: "2027-02-30" });
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["date", "Choose a date that exists."],
    ]);
  });
});
