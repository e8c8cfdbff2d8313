import { z } from "zod";

// Shared by the sign-in forms and the Auth.js providers.

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

/**
 * Control characters (C0, DEL, C1) and invisible format characters (zero-width spaces, bidi marks):
 * no email or username has them, and PostgreSQL refuses text with NUL.
 */
const INVISIBLE_CHARACTER = /[\p{Cc}\p{Cf}]/u;

export const passwordSignInInputSchema = z.object({
  identifier: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email or username.")
    .max(254, "That email or username is too long.")
    .refine(
      (value) => !INVISIBLE_CHARACTER.test(value),
      "That email or username has an invisible character in it, such as a tab. Type it again.",
    ),
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

/**
 * Auth.js's `?error=` on the sign-in page, where it sends a refused sign-in back: a refused
 * credentials sign-in, any other error ("Other"), or none.
 */
export const signInPageErrorSchema = z
  .enum(["CredentialsSignin", "Other"])
  .optional()
  .catch("Other");
export type SignInPageError = z.infer<typeof signInPageErrorSchema>;

/** Only same-site paths may be a post-sign-in destination. */
export const callbackPathSchema = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])[^\s]*$/)
  .catch("/");
