// The languages of the patient's side. The staff side stays English (decision 033).

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** The visible language switch's choice, read before anything else. */
export const LOCALE_COOKIE = "carevisit-locale";

/** A year: the switch is a standing preference of this browser. */
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

/** Each language's own name, as the switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español" };
