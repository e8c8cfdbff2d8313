import { describe, expect, it } from "vitest";

import { dateTimeFormat, formatDay, formatOffsetMinutes, formatTime } from "@/lib/format";

describe("dateTimeFormat", () => {
  it("builds each set of options once, and formats as a new formatter would", () => {
    const options = { dateStyle: "medium", timeZone: "America/Chicago" } as const;
    const formatter = dateTimeFormat(options);
    expect(dateTimeFormat({ ...options })).toBe(formatter);
    const instant = new Date("2026-11-30T03:00:00Z");
    expect(formatter.format(instant)).toBe(
      new Intl.DateTimeFormat("en-US", options).format(instant),
    );
    expect(formatter.format(instant)).toBe("Nov 29, 2026");
  });

  it("keeps options apart, the zone included", () => {
    const instant = new Date("2026-11-30T03:00:00Z");
    expect(dateTimeFormat({ dateStyle: "medium", timeZone: "Asia/Tokyo" }).format(instant)).toBe(
      "Nov 30, 2026",
    );
    expect(dateTimeFormat({ dateStyle: "short", timeZone: "Asia/Tokyo" }).format(instant)).toBe(
      "11/30/26",
    );
  });

  it("refuses an unknown zone every time, caching nothing", () => {
    expect(() => dateTimeFormat({ timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(() => dateTimeFormat({ timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });

  it("formats per locale, in the clinic's zone, and keeps the locales apart", () => {
    const instant = new Date("2026-12-08T19:30:00Z");
    expect(formatDay(instant, "America/New_York", "es")).toBe("martes, 8 de diciembre");
    expect(formatTime(instant, "America/New_York", "es")).toMatch(/^2:30\sp\.\s?m\.\sEST$/);
    expect(formatDay(instant, "America/New_York")).toBe("Tuesday, December 8");
    expect(formatTime(instant, "America/New_York", "en")).toMatch(/^2:30\sPM EST$/);
  });
});

describe("formatOffsetMinutes", () => {
  it("names an offset in the largest whole unit", () => {
    expect(formatOffsetMinutes(10_080)).toBe("1 week");
    expect(formatOffsetMinutes(4320)).toBe("3 days");
    expect(formatOffsetMinutes(1440)).toBe("24 hours");
    expect(formatOffsetMinutes(120)).toBe("2 hours");
    expect(formatOffsetMinutes(60)).toBe("1 hour");
    expect(formatOffsetMinutes(15)).toBe("15 minutes");
    expect(formatOffsetMinutes(1)).toBe("1 minute");
  });
});
