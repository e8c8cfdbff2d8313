import { z } from "zod";

// Shared by the sign-in forms and the Auth.js providers.

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

export const passwordSignInInputSchema = z.object({
  identifier: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email or username.")
    .max(254, "That email or username is too long."),
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});
export type PasswordSignInInput = z.infer<typeof passwordSignInInputSchema>;

export const codeRequestInputSchema = z.object({ email });
export type CodeRequestInput = z.infer<typeof codeRequestInputSchema>;

export const codeSignInInputSchema = z.object({
  email,
  code: z
    .string()
    .transform((value) => value.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from the email.")),
});
export type CodeSignInInput = z.infer<typeof codeSignInInputSchema>;

/** Only same-site paths may be a post-sign-in destination. */
export const callbackPathSchema = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])[^\s]*$/)
  .catch("/");
