import { DEFAULT_LOCALE, type Locale, LOCALES } from "./constants";

// Pure choice of the request's language: the switch's cookie, then the signed-in patient's
// preferred language, then the browser's Accept-Language, then English.

/** One of our locales for a language tag ("es", "es-MX", "ES"), or null for any other value. */
export function parseLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const language = value.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language) ?? null;
}

/** The best of our locales in an Accept-Language header, by its q-values; null when none fits. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const locale = parseLocale(range.tag);
    if (locale) return locale;
  }
  return null;
}

export type LocaleSources = {
  cookie?: string | null;
  preferredLanguage?: string | null;
  acceptLanguage?: string | null;
};

export function negotiateLocale({
  cookie,
  preferredLanguage,
  acceptLanguage,
}: LocaleSources): Locale {
  return (
    parseLocale(cookie) ??
    parseLocale(preferredLanguage) ??
    localeFromAcceptLanguage(acceptLanguage) ??
    DEFAULT_LOCALE
  );
}
