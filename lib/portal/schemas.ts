import { z } from "zod";

import { USER_PASSWORD_MAX, USER_PASSWORD_MIN } from "@/lib/users/constants";

/** A set-password link's token: 32 random bytes, base64url (never anything else in the URL). */
export const passwordLinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const newPasswordSchema = z
  .string({ message: `Enter a password of at least ${USER_PASSWORD_MIN} characters.` })
  .min(USER_PASSWORD_MIN, `Use a password of at least ${USER_PASSWORD_MIN} characters.`)
  .max(USER_PASSWORD_MAX, `Use a password of at most ${USER_PASSWORD_MAX} characters.`);

export const setPasswordInputSchema = z
  .object({
    token: passwordLinkTokenSchema,
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords are not the same.",
  });

/** Change password on /profile: the current password, and a new one by the reset page's rules. */
export const changePasswordInputSchema = z
  .object({
    currentPassword: z
      .string({ message: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(USER_PASSWORD_MAX, "That password is too long."),
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords are not the same.",
  });
