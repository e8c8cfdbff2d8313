import { dateTimeFormat, formatDay } from "@/lib/format";
import type { Locale } from "@/lib/i18n/constants";

import type { VisitEmailsTranslator } from "./visit-emails-translator";

// When the visit is, in the clinic's zone and the recipient's words: "Tuesday, December 8 at
// 2:30 PM EST", "martes, 8 de diciembre a las 2:30 p.m. EST" (es-US, decision 033).

const TIME = { hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;
const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

/**
 * Some ICU versions (72 to 77) put a narrow no-break space before AM/PM; plain spaces keep
 * subjects and plain text alike on every Node version.
 */
function plainSpaces(value: string): string {
  return value.replace(/[\u00a0\u202f]/g, " ");
}

export function formatVisitWhen(
  start: Date,
  timeZone: string,
  locale: Locale,
  t: VisitEmailsTranslator,
): string {
  const day = plainSpaces(formatDay(start, timeZone, locale));
  const parts = dateTimeFormat({ ...TIME, timeZone }, locale).formatToParts(start);
  const time = plainSpaces(parts.map((part) => part.value).join(""));
  // Spanish says "a la 1:30" but "a las 2:30"; English says "at" for both.
  const hour = parts.find((part) => part.type === "hour")?.value;
  return hour === "1" ? t("whenOneOClock", { day, time }) : t("when", { day, time });
}

export function formatVisitDuration(minutes: number, t: VisitEmailsTranslator): string {
  return t("duration", { minutes });
}

/** A reminder's lead time in words: "15 minutes", "24 hours", "2 days". */
export function formatReminderOffset(minutes: number, t: VisitEmailsTranslator): string {
  if (minutes > MINUTES_PER_DAY && minutes % MINUTES_PER_DAY === 0) {
    return t("offset", { unit: "days", count: minutes / MINUTES_PER_DAY });
  }
  if (minutes >= MINUTES_PER_HOUR && minutes % MINUTES_PER_HOUR === 0) {
    return t("offset", { unit: "hours", count: minutes / MINUTES_PER_HOUR });
  }
  return t("offset", { unit: "minutes", count: minutes });
}
