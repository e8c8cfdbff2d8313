import { describe, expect, it } from "vitest";

import { formatMinutes, formatPercent, formatShortDate, niceCeiling } from "./report-format";

describe("report formatting", () => {
  it("rounds minutes to one decimal below ten, else to whole minutes", () => {
    expect(formatMinutes(null)).toBe("—");
    expect(formatMinutes(7)).toBe("7 min");
    expect(formatMinutes(5.55)).toBe("5.6 min");
    expect(formatMinutes(23.4)).toBe("23 min");
  });

  it("writes a share as a whole percentage, or a dash when there is nothing to share", () => {
    expect(formatPercent(1, 3)).toBe("33%");
    expect(formatPercent(0, 0)).toBe("—");
  });

  it("picks a round axis maximum", () => {
    expect([0, 0.4, 1, 3, 7, 12, 30, 51].map(niceCeiling)).toEqual([1, 0.5, 1, 5, 10, 20, 50, 100]);
  });

  it("writes a calendar date short", () => {
    expect(formatShortDate("2026-01-05")).toBe("Jan 5");
  });
});
