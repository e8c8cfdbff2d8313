import { describe, expect, it } from "vitest";

import { parseReportFilters } from "@/lib/reports/report-filters";
import { daysInRange, startOfDay } from "@/lib/time-zone";

const NEW_YORK = "America/New_York";
// 02:30 UTC on 1 March 2026 is still 28 February in New York.
const NOW = new Date("2026-03-01T02:30:00Z");
const parse = (query: Record<string, string | string[] | undefined>) =>
  parseReportFilters(query, { timeZone: NEW_YORK, now: NOW });

describe("parseReportFilters", () => {
  it("defaults to the last 30 days, today included, in the clinic's time zone", () => {
    const result = parse({});
    expect(result).toEqual({
      success: true,
      filters: {
        from: "2026-01-30",
        to: "2026-02-28",
        providerId: null,
        timeZone: NEW_YORK,
        start: new Date("2026-01-30T05:00:00Z"),
        end: new Date("2026-03-01T05:00:00Z"),
      },
    });
  });

  it("fills a missing end with today and a missing start with 30 days before the end", () => {
    expect(parse({ from: "2026-02-20" })).toMatchObject({
      filters: { from: "2026-02-20", to: "2026-02-28" },
    });
    expect(parse({ to: "2026-01-31" })).toMatchObject({
      filters: { from: "2026-01-02", to: "2026-01-31" },
    });
  });

  it("covers whole local days across a change of clocks", () => {
    const result = parse({ from: "2026-03-08", to: "2026-03-08" });
    // Clocks go forward on 8 March: that day starts at UTC−5 and the next one at UTC−4 (23 hours).
    expect(result).toMatchObject({
      filters: { start: new Date("2026-03-08T05:00:00Z"), end: new Date("2026-03-09T04:00:00Z") },
    });
  });

  it("accepts a provider id and treats blank values as missing", () => {
    const providerId = "0190c3a4-1234-7abc-8def-0123456789ab";
    expect(parse({ from: "", to: " ", providerId })).toMatchObject({
      success: true,
      filters: { providerId, from: "2026-01-30" },
    });
    expect(parse({ providerId: "" })).toMatchObject({ filters: { providerId: null } });
    expect(parse({ from: ["2026-02-01", "2026-02-02"] })).toMatchObject({
      filters: { from: "2026-02-01" },
    });
  });

  it.each([
    [{ from: "2026-02-30" }, "from", "From must be a date written yyyy-mm-dd"],
    [{ to: "yesterday" }, "to", "To must be a date written yyyy-mm-dd"],
    [{ from: "2026-2-1" }, "from", "From must be a date written yyyy-mm-dd"],
    [{ providerId: "42" }, "providerId", "Unknown provider"],
    [{ from: "2026-02-10", to: "2026-02-09" }, "from", "The start date is after the end date"],
    [{ from: "2025-01-01", to: "2026-01-02" }, "to", "Choose a range of at most 366 days"],
  ])("refuses %j with a reason", (query, field, message) => {
    const result = parse(query);
    expect(result).toMatchObject({ success: false, message, fields: { [field]: [message] } });
  });

  it("allows exactly 366 days", () => {
    expect(parse({ from: "2024-01-01", to: "2024-12-31" }).success).toBe(true);
    expect(daysInRange("2024-01-01", "2024-12-31")).toBe(366);
    expect(daysInRange("2026-02-28", "2026-02-28")).toBe(1);
  });
});

describe("startOfDay", () => {
  it("is midnight on the clinic's clock", () => {
    expect(startOfDay("2026-07-01", NEW_YORK)).toEqual(new Date("2026-07-01T04:00:00Z"));
    expect(startOfDay("2026-07-01", "Asia/Kolkata")).toEqual(new Date("2026-06-30T18:30:00Z"));
  });
});
