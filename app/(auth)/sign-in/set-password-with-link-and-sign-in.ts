import "server-only";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";

import type { PasswordLinkPurpose } from "@/generated/prisma/enums";
import { type ActionState, actionErrorFrom } from "@/lib/action-state";
import { signIn } from "@/lib/auth/auth";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { isAppError } from "@/lib/errors";
import { localizedFieldErrors } from "@/lib/i18n/localized-field-errors";
import { setPasswordInputSchema } from "@/lib/portal/schemas";
import { setPasswordWithLink } from "@/lib/portal/set-password-with-link";

/**
 * Sets the password that an emailed link (an invitation, a reset) allows, then signs in with it.
 * Returns the form's error state when it cannot, and null when signed in (the action redirects).
 */
export async function setPasswordWithLinkAndSignIn(
  formData: FormData,
  purpose: PasswordLinkPurpose,
): Promise<ActionState | null> {
  const parsed = setPasswordInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return {
      status: "error",
      fieldErrors: await localizedFieldErrors(parsed.error, "newPassword"),
    };
  }
  const { token, password } = parsed.data;
  let email: string;
  try {
    ({ email } = await setPasswordWithLink({
      token,
      purpose,
      password,
      ip: clientIpFrom(await headers()),
    }));
  } catch (error) {
    if (!isAppError(error, "conflict")) return actionErrorFrom(error);
    return { status: "error", message: (await getTranslations("SetPassword"))("linkUsed") };
  }
  await signIn("password", { identifier: email, password, redirect: false });
  return null;
}
