// Time formats Zoom uses: "yyyy-MM-ddTHH:mm:ssZ" (no milliseconds) in JSON, and request
// start times that are either UTC ("…Z") or local to a named timezone.
// @see docs/protocols/zoom-rest.md#meetings

const START_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(Z)?$/;

export function formatZoomTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

function timezoneOffsetMs(ms: number, timezone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

// Returns epoch ms, or null when the text is not a start time Zoom accepts.
export function parseStartTime(text: string, timezone: string): number | null {
  const match = START_TIME_PATTERN.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, zulu] = match;
  const wallClock = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  if (Number.isNaN(wallClock)) return null;
  if (zulu) return wallClock;
  // Two passes settle the offset around daylight-saving changes.
  const firstGuess = wallClock - timezoneOffsetMs(wallClock, timezone);
  return wallClock - timezoneOffsetMs(firstGuess, timezone);
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function nextUtcMidnight(ms: number): number {
  const day = new Date(ms);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
}
