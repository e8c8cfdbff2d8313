// Wall-clock times in a clinic's IANA time zone, converted with the platform's Intl data (no
// dependency). Visits are stored as instants (UTC) and entered and shown in the clinic's zone.

import { dateTimeFormat } from "@/lib/format";

export type LocalDateTime = { date: string; time: string };

/** The zone's offset from UTC at an instant, in milliseconds (e.g. -5 h for New York in winter). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = dateTimeFormat({
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
    value("second"),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the clock in `timeZone` shows `date` (yyyy-mm-dd) and `time` (HH:mm), or null
 * when that wall time does not exist there (the hour skipped when clocks go forward). When it exists
 * twice (clocks go back), the earlier instant.
 */
export function zonedTimeToInstant({ date, time }: LocalDateTime, timeZone: string): Date | null {
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  if ([year, month, day, hour, minute].some((part) => part === undefined || Number.isNaN(part)))
    return null;
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  const candidates = [
    wall - zoneOffsetMs(new Date(wall), timeZone),
    wall - zoneOffsetMs(new Date(wall - 86_400_000), timeZone),
    wall - zoneOffsetMs(new Date(wall + 86_400_000), timeZone),
  ];
  const matches = candidates
    .filter((candidate) => candidate + zoneOffsetMs(new Date(candidate), timeZone) === wall)
    .sort((a, b) => a - b);
  return matches[0] === undefined ? null : new Date(matches[0]);
}

/** The wall-clock date and time of an instant in the zone. */
export function instantToZonedTime(instant: Date, timeZone: string): LocalDateTime {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

// Calendar days, written yyyy-mm-dd, as date pickers and report URLs carry them.

const DAY_MS = 86_400_000;

/** True for a real calendar date written yyyy-mm-dd (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return addDays(value, 0) === value;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  const instant = new Date(0);
  instant.setUTCFullYear(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days);
  return instant.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, both included (1 for a single day). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The instant a day starts in the zone: midnight, or the first hour that exists when clocks skip it. */
export function startOfDay(date: string, timeZone: string): Date {
  for (const time of ["00:00", "01:00", "02:00"]) {
    const instant = zonedTimeToInstant({ date, time }, timeZone);
    if (instant) return instant;
  }
  throw new Error(`No start of day for ${date} in ${timeZone}`);
}
