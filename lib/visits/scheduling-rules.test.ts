import { describe, expect, it } from "vitest";

import { type AppError, isAppError } from "@/lib/errors";
import { deriveSchedulableDates, startInstant } from "@/lib/visits/scheduling-rules";

const NEW_YORK = "America/New_York";
/** Noon in New York, 1 March 2026. */
const NOW = new Date("2026-03-01T17:00:00Z");

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("Expected an AppError");
}

describe("deriveSchedulableDates", () => {
  it("runs from today to the horizon's date, both in the clinic's zone", () => {
    expect(deriveSchedulableDates(NOW, NEW_YORK)).toEqual({ min: "2026-03-01", max: "2028-03-01" });
    // 03:00 UTC on 2 March is still 1 March in New York, and 2 March in Tokyo.
    const lateUtc = new Date("2026-03-02T03:00:00Z");
    expect(deriveSchedulableDates(lateUtc, NEW_YORK)).toEqual({
      min: "2026-03-01",
      max: "2028-03-01",
    });
    expect(deriveSchedulableDates(lateUtc, "Asia/Tokyo")).toEqual({
      min: "2026-03-02",
      max: "2028-03-02",
    });
  });

  it("ends on a date whose start of day is still schedulable", () => {
    const { max } = deriveSchedulableDates(NOW, NEW_YORK);
    expect(() => startInstant({ date: max, time: "00:00" }, NEW_YORK, NOW)).not.toThrow();
  });
});

describe("startInstant", () => {
  it("is the instant of the wall time in the clinic's zone", () => {
    expect(startInstant({ date: "2026-03-02", time: "09:30" }, NEW_YORK, NOW).toISOString()).toBe(
      "2026-03-02T14:30:00.000Z",
    );
  });

  it.each(["2027-02-30", "2027-14-34", "2027-02-00", "2026-02-29"])(
    "refuses %j, a date not on the calendar, on the date field",
    (date) => {
      const error = refusal(() => startInstant({ date, time: "09:30" }, NEW_YORK, NOW));
      expect(error.code).toBe("bad_request");
      expect(error.extra.fields).toEqual({ date: ["Choose a date that exists."] });
    },
  );

  it("refuses the past", () => {
    const error = refusal(() => startInstant({ date: "2026-03-01", time: "11:55" }, NEW_YORK, NOW));
    expect(error.extra.fields).toEqual({ date: ["Choose a date and time in the future."] });
  });

  it("accepts a start up to 2 years from now, and refuses one a minute later", () => {
    expect(startInstant({ date: "2028-03-01", time: "12:00" }, NEW_YORK, NOW).toISOString()).toBe(
      "2028-03-01T17:00:00.000Z",
    );
    const error = refusal(() => startInstant({ date: "2028-03-01", time: "12:01" }, NEW_YORK, NOW));
    expect(error.code).toBe("bad_request");
    expect(error.extra.fields).toEqual({ date: ["Choose a date within the next 2 years."] });
  });

  it.each(["2212-12-01", "9999-12-01"])("refuses %j, centuries ahead", (date) => {
    const error = refusal(() => startInstant({ date, time: "09:30" }, NEW_YORK, NOW));
    expect(error.publicMessage).toBe("Choose a date within the next 2 years.");
  });
});
