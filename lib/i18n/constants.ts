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

/**
 * The tags dates and times are formatted with. Spanish as written in the Americas (12-hour
 * clock, "2:30 p.m."), as our clinics' patients read it; a 24-hour clinic would add es-ES here.
 */
export const INTL_LOCALES: Record<Locale, string> = { en: "en-US", es: "es-US" };
