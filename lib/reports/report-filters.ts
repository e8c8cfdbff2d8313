import { fieldErrorsOf } from "@/lib/errors";
import { REPORT_DEFAULT_DAYS, REPORT_MAX_DAYS } from "@/lib/reports/constants";
import { REPORT_RANGE_MESSAGES, reportQuerySchema } from "@/lib/reports/schemas";
import { addDays, daysInRange, instantToZonedTime, startOfDay } from "@/lib/time-zone";

// From the URL to the instants a report covers. Dates are calendar days in the clinic's time zone;
// the range runs from the first day's midnight up to (not including) the midnight after the last.

export type ReportFilters = {
  /** First day, yyyy-mm-dd in the clinic's zone. */
  from: string;
  /** Last day (included), yyyy-mm-dd in the clinic's zone. */
  to: string;
  providerId: string | null;
  timeZone: string;
  /** The instant the first day starts. */
  start: Date;
  /** The instant after the last day ends (exclusive). */
  end: Date;
};

export type ParseReportFiltersResult =
  | { success: true; filters: ReportFilters }
  | { success: false; message: string; fields: Record<string, string[]> };

type RawQuery = Record<string, string | string[] | undefined>;

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Parses `?from=&to=&providerId=`. Missing dates default to the last 30 days ending today (in the
 * clinic's zone); a missing start is 30 days before the end, a missing end is today.
 */
export function parseReportFilters(
  query: RawQuery,
  { timeZone, now }: { timeZone: string; now: Date },
): ParseReportFiltersResult {
  const parsed = reportQuerySchema.safeParse({
    from: firstValue(query.from),
    to: firstValue(query.to),
    providerId: firstValue(query.providerId),
  });
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    const message = Object.values(fields).flat().join(". ");
    return { success: false, message, fields };
  }
  const today = instantToZonedTime(now, timeZone).date;
  const to = parsed.data.to ?? today;
  const from = parsed.data.from ?? addDays(to, -(REPORT_DEFAULT_DAYS - 1));
  if (from > to) {
    const message = REPORT_RANGE_MESSAGES.reversed;
    return { success: false, message, fields: { from: [message] } };
  }
  if (daysInRange(from, to) > REPORT_MAX_DAYS) {
    const message = REPORT_RANGE_MESSAGES.tooLong;
    return { success: false, message, fields: { to: [message] } };
  }
  return {
    success: true,
    filters: {
      from,
      to,
      providerId: parsed.data.providerId ?? null,
      timeZone,
      start: startOfDay(from, timeZone),
      end: startOfDay(addDays(to, 1), timeZone),
    },
  };
}
