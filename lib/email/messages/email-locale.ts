import { Role } from "@/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/constants";
import { parseLocale } from "@/lib/i18n/negotiate-locale";

export type EmailRecipient = {
  role: Role;
  /** The patient's subject's preferred language (Subject.preferredLanguage), when there is one. */
  preferredLanguage?: string | null;
};

/**
 * The language of an email to an account: a patient's is their subject's preferred language (one
 * we have, else English); staff read English, as their side of the app is (decision 033).
 */
export function emailLocaleFor({ role, preferredLanguage }: EmailRecipient): Locale {
  if (role !== Role.PATIENT) return DEFAULT_LOCALE;
  return parseLocale(preferredLanguage) ?? DEFAULT_LOCALE;
}
