import { z } from "zod";

import { addDays, isCalendarDate } from "@/lib/time-zone";

/** How far from today the board's date navigation goes: further is a typing mistake. */
export const BOARD_DAYS_AROUND = 366;

/** `?date=yyyy-mm-dd&who=mine|clinic|<provider id>` of `/today` and `/api/today/events`. */
export function buildBoardQuerySchema(today: string) {
  return z.object({
    date: z
      .string()
      .refine(isCalendarDate, "Enter a date as yyyy-mm-dd")
      .refine(
        (date) =>
          date >= addDays(today, -BOARD_DAYS_AROUND) && date <= addDays(today, BOARD_DAYS_AROUND),
        "That date is out of range",
      )
      .default(today),
    who: z.union([z.literal("mine"), z.literal("clinic"), z.uuid()]).default("mine"),
  });
}

export type BoardQuery = z.output<ReturnType<typeof buildBoardQuerySchema>>;

const minutes = (min: number, max: number) =>
  z.coerce
    .number({ error: "Enter a number of minutes." })
    .int("Enter a whole number of minutes.")
    .min(min, `Use at least ${min} minutes.`)
    .max(max, `Use at most ${max} minutes.`);

/**
 * Settings → Today board: when a wait is long, the grace before a visit is a no-show, and how long
 * a guest link nobody used keeps working.
 */
export const boardSettingsInputSchema = z.object({
  waitingAlertMinutes: minutes(1, 60),
  noShowGraceMinutes: minutes(0, 120),
  guestLinkUnusedMinutes: minutes(5, 1440),
});
export type BoardSettingsInput = z.infer<typeof boardSettingsInputSchema>;
