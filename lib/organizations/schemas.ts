import { z } from "zod";

import { CalendarSubjectName } from "@/generated/prisma/enums";
import {
  REMINDER_OFFSET_MAX_MINUTES,
  REMINDER_OFFSET_MIN_MINUTES,
  REMINDER_OFFSETS_MAX_COUNT,
} from "@/lib/organizations/reminder-offsets";
import { controlCharacterMessage, hasNoControlCharacters } from "@/lib/plain-text";

const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));

export const organizationSettingsInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Enter the clinic's name.")
    .max(120, "Use at most 120 characters.")
    .refine(hasNoControlCharacters, controlCharacterMessage("The clinic's name")),
  timeZone: z
    .string()
    .trim()
    .refine((zone) => TIME_ZONES.has(zone), "Choose a time zone from the list."),
});
export type OrganizationSettingsInput = z.infer<typeof organizationSettingsInputSchema>;

export function listTimeZones(): string[] {
  return [...TIME_ZONES];
}

/**
 * Settings → Reminders. The offsets come as the ticked checkboxes' values (strings); every problem
 * with them is one message on the field. Stored distinct, largest first; none turns reminders off.
 */
export const reminderSettingsInputSchema = z.object({
  reminderOffsetsMinutes: z.array(z.unknown()).transform((values, ctx) => {
    const minutes = values.map((value) =>
      typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN,
    );
    const issue = reminderOffsetsIssue(minutes);
    if (issue) {
      ctx.addIssue({ code: "custom", message: issue });
      return z.NEVER;
    }
    return minutes.sort((a, b) => b - a);
  }),
  calendarSubjectName: z.enum(CalendarSubjectName, {
    error: "Choose how the provider's calendar entry names the patient.",
  }),
});
export type ReminderSettingsInput = z.output<typeof reminderSettingsInputSchema>;

function reminderOffsetsIssue(minutes: number[]): string | null {
  if (minutes.some((value) => !Number.isInteger(value))) return "Choose times from the list.";
  if (
    minutes.some(
      (value) => value < REMINDER_OFFSET_MIN_MINUTES || value > REMINDER_OFFSET_MAX_MINUTES,
    )
  )
    return "Each reminder goes between 5 minutes and 1 week before the visit.";
  if (new Set(minutes).size !== minutes.length) return "Choose each time only once.";
  if (minutes.length > REMINDER_OFFSETS_MAX_COUNT)
    return `Choose at most ${REMINDER_OFFSETS_MAX_COUNT} reminder times.`;
  return null;
}
