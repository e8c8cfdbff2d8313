import { describe, expect, it } from "vitest";

import { organizationSettingsInputSchema } from "@/lib/organizations/schemas";

describe("organizationSettingsInputSchema", () => {
  it("accepts a clinic's name and time zone", () => {
    expect(
      organizationSettingsInputSchema.parse({
        name: " Riverside Clinic ",
        timeZone: "America/New_York",
      }),
    ).toEqual({ name: "Riverside Clinic", timeZone: "America/New_York" });
  });

  it.each(["Riverside\nClinic", "Riverside\tClinic", "Riverside\u0000"])(
    "refuses a name with a control character (%j)",
    (name) => {
      const result = organizationSettingsInputSchema.safeParse({
        name,
        timeZone: "America/New_York",
      });
      expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
        [
          ["name"],
          "The clinic's name has a tab, line break or other control character in it. Type it again.",
        ],
      ]);
    },
  );
});
