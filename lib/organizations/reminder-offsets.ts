// When a clinic's patients are reminded before a visit (Settings → Reminders): the offsets the
// settings page offers, their limits and their names. Pure, shared by the schema and the form.

/** The choices the settings page offers, largest first: a week to five minutes before. */
export const REMINDER_OFFSET_PRESETS = [10080, 4320, 2880, 1440, 240, 120, 60, 30, 15, 5] as const;

/** As the schema's default: a day before, and 15 minutes before. */
export const DEFAULT_REMINDER_OFFSETS_MINUTES = [1440, 15];

export const REMINDER_OFFSET_MIN_MINUTES = 5;
/** A week: further ahead, a reminder is an invitation again. */
export const REMINDER_OFFSET_MAX_MINUTES = 10080;
export const REMINDER_OFFSETS_MAX_COUNT = 4;

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/**
 * "1 week", "3 days", "24 hours", "90 minutes": an offset as people say it. A day is said in
 * hours ("24 hours before" is what clinics write); two days and more in days.
 */
export function describeReminderOffset(minutes: number): string {
  if (minutes % MINUTES_PER_WEEK === 0) return count(minutes / MINUTES_PER_WEEK, "week");
  if (minutes % MINUTES_PER_DAY === 0 && minutes > MINUTES_PER_DAY)
    return count(minutes / MINUTES_PER_DAY, "day");
  if (minutes % MINUTES_PER_HOUR === 0) return count(minutes / MINUTES_PER_HOUR, "hour");
  return count(minutes, "minute");
}

/**
 * The checkboxes of the settings page: every preset, and any stored offset that is not one (set
 * before the presets changed, say), so that saving keeps it unless it is unticked. Largest first.
 */
export function buildReminderOffsetOptions(stored: readonly number[]): number[] {
  const options = new Set<number>([...REMINDER_OFFSET_PRESETS, ...stored]);
  return [...options].sort((a, b) => b - a);
}
