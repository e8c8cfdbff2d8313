import { describe, expect, it } from "vitest";

import {
  addDays,
  instantToZonedTime,
  isCalendarDate,
  zonedTimeToInstant,
  zoneOffsetMs,
} from "@/lib/time-zone";

const NEW_YORK = "America/New_York";

describe("zonedTimeToInstant", () => {
  it("converts winter and summer times in New York", () => {
    expect(zonedTimeToInstant({ date: "2026-01-15", time: "09:30" }, NEW_YORK)?.toISOString()).toBe(
      "2026-01-15T14:30:00.000Z",
    );
    expect(zonedTimeToInstant({ date: "2026-07-15", time: "09:30" }, NEW_YORK)?.toISOString()).toBe(
      "2026-07-15T13:30:00.000Z",
    );
  });

  it("refuses the hour skipped when clocks go forward", () => {
    expect(zonedTimeToInstant({ date: "2026-03-08", time: "02:30" }, NEW_YORK)).toBeNull();
    expect(zonedTimeToInstant({ date: "2026-03-08", time: "03:30" }, NEW_YORK)?.toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
  });

  it("takes the first of the hour that happens twice when clocks go back", () => {
    expect(zonedTimeToInstant({ date: "2026-11-01", time: "01:30" }, NEW_YORK)?.toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });

  it("handles zones east of UTC and half-hour offsets", () => {
    expect(
      zonedTimeToInstant({ date: "2026-06-01", time: "00:15" }, "Asia/Kolkata")?.toISOString(),
    ).toBe("2026-05-31T18:45:00.000Z");
    expect(zonedTimeToInstant({ date: "2026-06-01", time: "10:00" }, "UTC")?.toISOString()).toBe(
      "2026-06-01T10:00:00.000Z",
    );
  });

  it("refuses malformed input", () => {
    expect(zonedTimeToInstant({ date: "2026-13-01x", time: "aa" }, NEW_YORK)).toBeNull();
  });
});

describe("instantToZonedTime", () => {
  it("is the inverse of zonedTimeToInstant", () => {
    const instant = new Date("2026-11-23T18:05:00Z");
    expect(instantToZonedTime(instant, NEW_YORK)).toEqual({ date: "2026-11-23", time: "13:05" });
    expect(zonedTimeToInstant(instantToZonedTime(instant, NEW_YORK), NEW_YORK)?.getTime()).toBe(
      instant.getTime(),
    );
  });

  it("uses the offset of that instant", () => {
    expect(zoneOffsetMs(new Date("2026-01-15T12:00:00Z"), NEW_YORK)).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs(new Date("2026-07-15T12:00:00Z"), NEW_YORK)).toBe(-4 * 3_600_000);
  });
});

describe("isCalendarDate", () => {
  it.each(["2026-02-28", "2028-02-29", "2027-12-31", "0001-01-01", "0050-06-15", "9999-12-31"])(
    "accepts %j",
    (date) => {
      expect(isCalendarDate(date)).toBe(true);
    },
  );

  it.each(["2027-02-29", "2027-02-30", "2027-14-34", "2027-02-00", "2027-00-10", "2027-2-3", ""])(
    "refuses %j",
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
    },
  );
});

describe("addDays", () => {
  it("crosses months and years, and keeps years before 100 as they are", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("0050-06-15", 1)).toBe("0050-06-16");
  });
});
