import { describe, expect, it } from "vitest";

import { createStaffUserInputSchema } from "@/lib/users/schemas";

const FORM = {
  firstName: "Zoë",
  lastName: "O'Brien-Smith",
  email: "zoe@clinic.example",
  role: "CARE_TEAM",
  password: "a long enough password",
};

describe("createStaffUserInputSchema", () => {
  it("accepts names in any script, trimmed", () => {
    const parsed = createStaffUserInputSchema.parse({ ...FORM, firstName: "  李 小龍 " });
    expect(parsed.firstName).toBe("李 小龍");
  });

  it.each([
    ["firstName", "Ann\tMarie", "The first name"],
    ["lastName", "Smith\nJones", "The last name"],
    ["lastName", "Smith\u0000", "The last name"],
  ])("refuses a %s with a control character (%j), saying which field", (field, value, what) => {
    const result = createStaffUserInputSchema.safeParse({ ...FORM, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: [field],
        message: `${what} has a tab, line break or other control character in it. Type it again.`,
      }),
    ]);
  });
});
