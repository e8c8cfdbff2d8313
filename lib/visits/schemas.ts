import { z } from "zod";

import { isCalendarDate } from "@/lib/time-zone";
import { VISIT_DURATIONS } from "@/lib/visits/constants";

export const visitParamsSchema = z.object({ visitId: z.uuid() });

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** yyyy-mm-dd, and on the calendar: 2027-02-30 would roll over to March, so it is refused. */
const localDate = z
  .string()
  .regex(DATE_SHAPE, "Choose a date.")
  .refine(
    (value) => !DATE_SHAPE.test(value) || isCalendarDate(value),
    "Choose a date that exists.",
  );
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Choose a time.");
// Only the listed lengths, all whole minutes: "30.5", "0" or "1e9" are not on the list.
const duration = z.coerce
  .number({ message: "Choose a duration." })
  .refine(
    (minutes) => (VISIT_DURATIONS as readonly number[]).includes(minutes),
    "Choose a duration from the list.",
  );

/** The scheduling form: a wall-clock date and time in the clinic's time zone. */
export const scheduleVisitInputSchema = z.object({
  subjectId: z.uuid({ message: "This subject cannot be found." }),
  providerId: z.uuid({ message: "Choose a provider." }),
  date: localDate,
  time: localTime,
  durationMinutes: duration,
});
export type ScheduleVisitInput = z.infer<typeof scheduleVisitInputSchema>;

export const rescheduleVisitInputSchema = z.object({
  visitId: z.uuid({ message: "This visit cannot be found." }),
  date: localDate,
  time: localTime,
  durationMinutes: duration,
});
export type RescheduleVisitInput = z.infer<typeof rescheduleVisitInputSchema>;

export const visitIdInputSchema = z.object({ visitId: z.uuid() });

export const startVisitInputSchema = z.object({ subjectId: z.uuid() });
