import { z } from "zod";

import { JoinMode } from "@/generated/prisma/enums";
import { controlCharacterMessage, hasNoControlCharacters } from "@/lib/plain-text";
import {
  API_KEY_MAX,
  API_SECRET_MAX,
  API_SECRET_MIN,
  NOTIFIER_PASSWORD_MAX,
  NOTIFIER_PASSWORD_MIN,
  NOTIFIER_USERNAME_MAX,
} from "@/lib/telehealth/constants";

// The telehealth settings form. Secrets are write-only: an empty field keeps the stored value.
// Rules that depend on what is stored (is there a secret already?) are in
// `deriveTelehealthSettingsErrors`, which the update use case applies.

export const TELEHEALTH_SETTINGS_INVALID =
  "The telehealth settings were not saved: see the messages next to the fields.";

/** A missing or empty field is "not given". Secrets are not trimmed: spaces may be part of them. */
function blankToUndefined(value: unknown): unknown {
  return value === "" ? undefined : value;
}

function trimToUndefined(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** An HTML checkbox sends "on" when ticked and nothing otherwise. */
const checkbox = z
  .literal("on", { message: "Tick the box or leave it empty." })
  .optional()
  .transform((value) => value === "on");

export const telehealthSettingsInputSchema = z.object({
  joinMode: z.enum(JoinMode, { message: "Choose how people join video visits." }),
  apiKey: z.preprocess(
    trimToUndefined,
    z
      .string()
      .max(API_KEY_MAX, `The API key (org_id) has at most ${API_KEY_MAX} characters.`)
      .regex(
        /^[A-Za-z0-9_.-]+$/,
        "The API key (org_id) has only letters, digits, “.”, “-” and “_”. Copy it from Zoom without spaces.",
      )
      .optional(),
  ),
  apiSecret: z.preprocess(
    blankToUndefined,
    z
      .string()
      .min(
        API_SECRET_MIN,
        `The API secret has at least ${API_SECRET_MIN} characters: paste all of it.`,
      )
      .max(API_SECRET_MAX, `The API secret has at most ${API_SECRET_MAX} characters.`)
      .optional(),
  ),
  includeIdentity: checkbox,
  notifierUsername: z.preprocess(
    trimToUndefined,
    z
      .string()
      .max(NOTIFIER_USERNAME_MAX, `The username has at most ${NOTIFIER_USERNAME_MAX} characters.`)
      .refine(
        (username) => !username.includes(":"),
        "The username cannot contain “:” (Basic authentication separates the username and the password with it).",
      )
      .refine(hasNoControlCharacters, controlCharacterMessage("The username"))
      .optional(),
  ),
  notifierPassword: z.preprocess(
    blankToUndefined,
    z
      .string()
      .min(NOTIFIER_PASSWORD_MIN, `Use a password of at least ${NOTIFIER_PASSWORD_MIN} characters.`)
      .max(NOTIFIER_PASSWORD_MAX, `Use a password of at most ${NOTIFIER_PASSWORD_MAX} characters.`)
      .optional(),
  ),
  removeNotifierCredentials: checkbox,
});
export type TelehealthSettingsInput = z.infer<typeof telehealthSettingsInputSchema>;

/** What is stored already, as far as the rules below need to know. */
export type StoredTelehealthSecrets = { hasApiSecret: boolean; hasNotifierPassword: boolean };

/**
 * The rules between fields, given what is stored: encrypted links need a key and a secret, and the
 * notification credentials are a username and a password together (or none, or removed).
 * Returns field messages; an empty object means the input is complete.
 */
export function deriveTelehealthSettingsErrors(
  input: TelehealthSettingsInput,
  stored: StoredTelehealthSecrets,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (input.joinMode === JoinMode.TELEHEALTH_URL) {
    if (!input.apiKey)
      errors.apiKey = ["Enter the API key (org_id) from Zoom to use encrypted telehealth links."];
    if (!input.apiSecret && !stored.hasApiSecret)
      errors.apiSecret = ["Enter the API secret from Zoom to use encrypted telehealth links."];
  }
  if (input.removeNotifierCredentials) return errors;
  const hasPassword = Boolean(input.notifierPassword) || stored.hasNotifierPassword;
  if (!input.notifierUsername && input.notifierPassword)
    errors.notifierUsername = ["Enter the username that goes with this password."];
  else if (!input.notifierUsername && hasPassword)
    errors.notifierUsername = [
      "Enter the username, or tick “Remove the credentials” to stop checking notifications.",
    ];
  if (input.notifierUsername && !hasPassword)
    errors.notifierPassword = [
      `Enter a password of at least ${NOTIFIER_PASSWORD_MIN} characters for this username.`,
    ];
  return errors;
}
