import { describe, expect, it } from "vitest";

import {
  buildReminderOffsetOptions,
  describeReminderOffset,
  REMINDER_OFFSET_PRESETS,
} from "@/lib/organizations/reminder-offsets";

describe("describeReminderOffset", () => {
  it.each([
    [10080, "1 week"],
    [4320, "3 days"],
    [2880, "2 days"],
    [1440, "24 hours"],
    [240, "4 hours"],
    [60, "1 hour"],
    [90, "90 minutes"],
    [30, "30 minutes"],
    [5, "5 minutes"],
    [1, "1 minute"],
  ])("names %i minutes %j", (minutes, words) => {
    expect(describeReminderOffset(minutes)).toBe(words);
  });
});

describe("buildReminderOffsetOptions", () => {
  it("offers the presets, largest first", () => {
    expect(buildReminderOffsetOptions([1440, 15])).toEqual([...REMINDER_OFFSET_PRESETS]);
  });

  it("keeps a stored offset that is not a preset, in its place", () => {
    const options = buildReminderOffsetOptions([1440, 90]);
    expect(options).toHaveLength(REMINDER_OFFSET_PRESETS.length + 1);
    expect(options.slice(5, 8)).toEqual([120, 90, 60]);
  });
});
