import { describe, expect, it } from "vitest";

import { timeZoneOption, timeZoneOptions } from "@/lib/organizations/time-zone-options";

const WINTER = new Date("2026-01-15T12:00:00Z");

describe("time-zone options", () => {
  it("names a zone for people, with its offset", () => {
    expect(timeZoneOption("America/New_York", WINTER).label).toBe(
      "Eastern Time — New York (UTC−05:00)",
    );
    expect(timeZoneOption("Asia/Kolkata", WINTER).label).toBe(
      "India Standard Time — Kolkata (UTC+05:30)",
    );
  });

  it("offers the clinic's zone and the common ones first, then all others by offset", () => {
    const all = Intl.supportedValuesOf("timeZone");
    const { suggested, others } = timeZoneOptions(all, "Asia/Tokyo", WINTER);
    expect(suggested[0]?.id).toBe("Asia/Tokyo");
    expect(suggested.map((option) => option.id)).toContain("America/Chicago");
    expect(suggested.length + others.length).toBe(all.length);
    const offsets = others.map((option) => option.offsetMinutes);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});
