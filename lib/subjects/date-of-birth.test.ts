import { describe, expect, it } from "vitest";

import { parseDateOfBirth } from "@/lib/subjects/date-of-birth";

const TODAY = new Date("2026-12-07T12:00:00Z");

describe("parseDateOfBirth", () => {
  it.each([
    ["1984-05-17", "1984-05-17"],
    ["05/17/84", "1984-05-17"],
    ["5/17/1984", "1984-05-17"],
    ["17.05.1984", "1984-05-17"],
    ["May 17 1984", "1984-05-17"],
    ["may 17, 1984", "1984-05-17"],
    ["17 May 1984", "1984-05-17"],
    ["17 de mayo de 1984", "1984-05-17"],
    ["Sept. 3 2001", "2001-09-03"],
    ["01/02/05", "2005-01-02"],
    ["01/02/27", "1927-01-02"],
  ])("reads %j as %s (month first)", (text, iso) => {
    expect(parseDateOfBirth(text, "MDY", TODAY)).toBe(iso);
  });

  it("lets the clinic's date order decide a date that reads both ways", () => {
    expect(parseDateOfBirth("05/06/1984", "MDY", TODAY)).toBe("1984-05-06");
    expect(parseDateOfBirth("05/06/1984", "DMY", TODAY)).toBe("1984-06-05");
    expect(parseDateOfBirth("17/05/1984", "MDY", TODAY)).toBe("1984-05-17");
  });

  it.each(["2026-02-30", "13/13/1990", "1850-01-01", "1990-1", "Smarch 3 1990", "", "1984"])(
    "refuses %j",
    (text) => {
      expect(parseDateOfBirth(text, "MDY", TODAY)).toBeNull();
    },
  );
});
