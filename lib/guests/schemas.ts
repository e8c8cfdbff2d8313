import { z } from "zod";

import { GuestRelationship } from "@/generated/prisma/enums";
import { LOCALES } from "@/lib/i18n/constants";

// What the care team types to invite a guest, and the ids the guest forms carry. Shared with the
// forms (not server-only).

/** CR, LF and the other control characters: in an address they would start a new mail header. */
const LINE_BREAKS = /[\p{Cc}\u2028\u2029]/u;

const optionalEmail = z
  .string()
  .refine((value) => !LINE_BREAKS.test(value), "An email address cannot contain a line break.")
  .transform((value) => value.trim())
  .pipe(z.string().max(254, "Use at most 254 characters."))
  .pipe(z.union([z.literal(""), z.email("Enter a valid email address.")]))
  .transform((value) => (value === "" ? null : value.toLowerCase()));

export const inviteGuestInputSchema = z.object({
  visitId: z.uuid("This visit cannot be found."),
  name: z
    .string()
    .refine((value) => !LINE_BREAKS.test(value), "A name cannot contain a line break.")
    .transform((value) => value.trim())
    .pipe(z.string().min(1, "Enter the guest's name.").max(100, "Use at most 100 characters.")),
  relationship: z.enum(GuestRelationship, "Choose who the guest is."),
  email: optionalEmail.optional().transform((value) => value ?? null),
  /** The language of the guest's page and email; the subject's preferred language when left out. */
  locale: z.union([z.enum(LOCALES), z.literal("")], "Choose English or Spanish.").optional(),
});
export type InviteGuestInput = z.input<typeof inviteGuestInputSchema>;
export type InviteGuestFields = z.output<typeof inviteGuestInputSchema>;

export const revokeGuestInputSchema = z.object({ guestId: z.uuid("This guest cannot be found.") });
export type RevokeGuestInput = z.infer<typeof revokeGuestInputSchema>;

/** A link's token as we make them: 32 random bytes in base64url (43 characters). */
export const guestTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
