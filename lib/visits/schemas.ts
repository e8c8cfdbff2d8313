import { z } from "zod";

import { VISIT_DURATIONS } from "@/lib/visits/constants";

export const visitParamsSchema = z.object({ visitId: z.uuid() });

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date.");
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Choose a time.");
const duration = z.coerce
  .number({ message: "Choose a duration." })
  .int()
  .refine(
    (minutes) => (VISIT_DURATIONS as readonly number[]).includes(minutes),
    "Choose a duration from the list.",
  );

/** The scheduling form: a wall-clock date and time in the clinic's time zone. */
export const scheduleVisitInputSchema = z.object({
  subjectId: z.uuid(),
  providerId: z.uuid({ message: "Choose a provider." }),
  date: localDate,
  time: localTime,
  durationMinutes: duration,
});
export type ScheduleVisitInput = z.infer<typeof scheduleVisitInputSchema>;

export const rescheduleVisitInputSchema = z.object({
  visitId: z.uuid(),
  date: localDate,
  time: localTime,
  durationMinutes: duration,
});
export type RescheduleVisitInput = z.infer<typeof rescheduleVisitInputSchema>;

export const visitIdInputSchema = z.object({ visitId: z.uuid() });

export const startVisitInputSchema = z.object({ subjectId: z.uuid() });
