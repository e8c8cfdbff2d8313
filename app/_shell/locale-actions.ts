"use server";

import { cookies } from "next/headers";

import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from "@/lib/i18n/constants";
import { localeChoiceSchema } from "@/lib/i18n/schemas";

/** The language switch: remembers the choice in a cookie; Next.js then renders the page again. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = localeChoiceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    sameSite: "lax",
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
  });
}
