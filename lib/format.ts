import { DEFAULT_LOCALE, INTL_LOCALES, type Locale } from "@/lib/i18n/constants";

// Display formatting. Instants are shown in the clinic's time zone; dates of birth are calendar dates.
// The staff side is English; the patient's side passes its locale (decision 033).

// Building an Intl.DateTimeFormat costs far more than formatting with one (ICU loads the locale's
// patterns and the zone's rules), and a page of 20 subjects or visits built 20 or more. Each is
// built once per set of options, which name the zone: a few per IANA zone, so the cache stays small.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** An Intl.DateTimeFormat for these options in this locale (en-US by default), built once. */
export function dateTimeFormat(
  options: Intl.DateTimeFormatOptions,
  locale: Locale = DEFAULT_LOCALE,
): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALES[locale], options);
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDateOfBirth(date: Date): string {
  return dateTimeFormat({ dateStyle: "medium", timeZone: "UTC" }).format(date);
}

const DATE_TIME = {
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
} as const;
const DAY = { weekday: "long", month: "long", day: "numeric" } as const;
const TIME = { hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;

export function formatDateTime(date: Date, timeZone: string, locale?: Locale): string {
  return dateTimeFormat({ ...DATE_TIME, timeZone }, locale).format(date);
}

export function formatDay(date: Date, timeZone: string, locale?: Locale): string {
  return dateTimeFormat({ ...DAY, timeZone }, locale).format(date);
}

export function formatTime(date: Date, timeZone: string, locale?: Locale): string {
  return dateTimeFormat({ ...TIME, timeZone }, locale).format(date);
}

/** "First Last", as people are named on every page. */
export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}

/** A span before an event in words: 10080 → "1 week", 2880 → "2 days", 1440 → "24 hours", 15 → "15 minutes". */
export function formatOffsetMinutes(minutes: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;
  if (minutes % 10_080 === 0) return plural(minutes / 10_080, "week");
  if (minutes % 1440 === 0 && minutes > 1440) return plural(minutes / 1440, "day");
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}
