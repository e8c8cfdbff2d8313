import { z } from "zod";

import { REPORT_MAX_DAYS } from "@/lib/reports/constants";
import { isCalendarDate } from "@/lib/time-zone";

// The report's URL (`?from=&to=&providerId=`). Unlike search, a bad value is an error with a
// reason, never a silent default: a report for the wrong dates would look right and be wrong.

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const calendarDate = (label: string) =>
  optionalText.refine((value) => value === undefined || isCalendarDate(value), {
    message: `${label} must be a date written yyyy-mm-dd`,
  });

export const reportQuerySchema = z.object({
  from: calendarDate("From"),
  to: calendarDate("To"),
  providerId: optionalText.refine(
    (value) => value === undefined || z.uuid().safeParse(value).success,
    {
      message: "Unknown provider",
    },
  ),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const REPORT_RANGE_MESSAGES = {
  reversed: "The start date is after the end date",
  tooLong: `Choose a range of at most ${REPORT_MAX_DAYS} days`,
} as const;
