import { describe, expect, it } from "vitest";

import { changedFieldNames } from "./changed-fields";

describe("changedFieldNames", () => {
  it("names the listed fields whose values differ, in the listed order, never other fields", () => {
    const before = { id: "1", name: "Riverside", timeZone: "America/New_York", extra: 1 };
    const after = { id: "1", name: "Riverside", timeZone: "America/Chicago", extra: 2 };
    expect(changedFieldNames(before, after, ["timeZone", "name"])).toEqual(["timeZone"]);
    expect(changedFieldNames(before, before, ["name", "timeZone"])).toEqual([]);
  });
});
