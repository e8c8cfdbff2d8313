import { z } from "zod";

import {
  CLINIC_PHONE_MAX,
  CONSENT_TEXT_MAX,
  CONSENT_TEXT_MIN,
  SIGNED_NAME_MAX,
} from "@/lib/consent/constants";
import { controlCharacterMessage, hasNoControlCharacters } from "@/lib/plain-text";

// Control characters other than line breaks and tabs (NUL, escapes, bidirectional overrides).
const CONTROL_EXCEPT_LINES =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** The clinic's consent text, as the admin typed it (normalised before it is stored). */
export const consentTextInputSchema = z.object({
  body: z
    .string()
    .trim()
    .min(CONSENT_TEXT_MIN, `Write at least ${CONSENT_TEXT_MIN} characters.`)
    .max(CONSENT_TEXT_MAX, `Use at most ${CONSENT_TEXT_MAX.toLocaleString("en-US")} characters.`)
    .refine(
      (value) => !CONTROL_EXCEPT_LINES.test(value),
      "The text has a control character in it (pasted from another program?). Type that part again.",
    ),
});
export type ConsentTextInput = z.infer<typeof consentTextInputSchema>;

const PHONE_SHAPE = /^\+?[0-9().\-\s]+(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?$/i;

/** The clinic's phone number for patients; empty removes it. */
export const clinicPhoneInputSchema = z.object({
  phone: z
    .string()
    .trim()
    .max(CLINIC_PHONE_MAX, `Use at most ${CLINIC_PHONE_MAX} characters.`)
    .refine(
      (value) => value === "" || (PHONE_SHAPE.test(value) && value.replace(/\D/g, "").length >= 7),
      "Enter a phone number, such as (555) 010-2000 or +1 555 010 2000.",
    )
    .transform((value) => (value === "" ? null : value)),
});
export type ClinicPhoneInput = z.infer<typeof clinicPhoneInputSchema>;

/** The patient's signature on one version of the consent, from their visit's page. */
export const acceptConsentInputSchema = z.object({
  visitId: z.uuid({ message: "This visit cannot be found." }),
  version: z.coerce
    .number({ message: "Reload the page to see the consent text." })
    .int("Reload the page to see the consent text.")
    .positive("Reload the page to see the consent text."),
  agreed: z.literal("on", { message: "Tick the box to say that you agree." }),
  signedName: z
    .string()
    .trim()
    .min(1, "Type your full name to sign.")
    .max(SIGNED_NAME_MAX, `Use at most ${SIGNED_NAME_MAX} characters.`)
    .refine(hasNoControlCharacters, controlCharacterMessage("Your name")),
});
export type AcceptConsentInput = z.infer<typeof acceptConsentInputSchema>;
