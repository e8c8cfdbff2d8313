// How the report writes its figures. Minutes keep one decimal below ten, so short waits differ.

import { dateTimeFormat } from "@/lib/format";

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "—";
  const rounded = minutes < 10 ? Math.round(minutes * 10) / 10 : Math.round(minutes);
  return `${rounded.toLocaleString("en-US")} min`;
}

export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return "—";
  return `${Math.round((part / whole) * 100)}%`;
}

/** A round axis maximum at or above `value`: 1, 2 or 5 times a power of ten. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

/** "5 Jan" for a yyyy-mm-dd calendar date. */
export function formatShortDate(date: string): string {
  return dateTimeFormat({
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
}
