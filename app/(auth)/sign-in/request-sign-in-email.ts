import "server-only";

import { headers } from "next/headers";
import { after } from "next/server";
import type { z } from "zod";

import { type ActionState, formText } from "@/lib/action-state";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { codeRequestInputSchema } from "@/lib/auth/schemas";
import { SignInError, type SignInFailureMethod } from "@/lib/auth/sign-in-failure";
import { type EmailMessage, sendEmail } from "@/lib/email/send-email";
import { localizedFieldErrors } from "@/lib/i18n/localized-field-errors";

import { describeRefusedSignIn } from "./sign-in-with-credentials";

type Parsed<T> =
  { data: T; values: Record<string, string>; refused?: undefined } | { refused: ActionState };

/** A sign-in form with an email field parsed by `schema`, or its error state with the email kept. */
export async function parseEmailForm<T>(
  schema: z.ZodType<T>,
  formData: FormData,
): Promise<Parsed<T>> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  const values = { email: formText(formData, "email") };
  if (!parsed.success) {
    return {
      refused: {
        status: "error",
        fieldErrors: await localizedFieldErrors(parsed.error, "email"),
        values,
      },
    };
  }
  return { data: parsed.data, values };
}

type EmailRequest = (options: {
  email: string;
  ip: string | null;
  deliver: (message: EmailMessage) => void;
}) => Promise<void>;

/**
 * Asks `request` (a sign-in code, a password reset) to mail the form's address, sending after the
 * answer so that an address with an account answers no slower. Returns the address, or the form's
 * error state when the address is invalid or the request is refused.
 */
export async function requestSignInEmail(
  formData: FormData,
  method: SignInFailureMethod,
  request: EmailRequest,
): Promise<Parsed<{ email: string }>> {
  const parsed = await parseEmailForm(codeRequestInputSchema, formData);
  if (parsed.refused) return parsed;
  try {
    await request({
      email: parsed.data.email,
      ip: clientIpFrom(await headers()),
      deliver: (message) => after(() => sendEmail(message)),
    });
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    const message = await describeRefusedSignIn(error.failure, method);
    return { refused: { status: "error", message, values: parsed.values } };
  }
  return parsed;
}
