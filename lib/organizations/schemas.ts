import { z } from "zod";

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
