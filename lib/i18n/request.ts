import "server-only";

import { getRequestConfig } from "next-intl/server";

import en from "@/messages/en.json";
import es from "@/messages/es.json";

import { getRequestLocale } from "./request-locale";

// next-intl's request configuration (next.config.ts points its plugin here): the request's locale
// and its catalog. Dates name their time zone at each call (the clinic's), so none is set here. A
// locale passed explicitly (`getTranslations({ locale })`: the reminder opt-out page writes in the
// patient's language, whoever opens it) wins.
const CATALOGS = { en, es } as const;

export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = explicit ?? (await getRequestLocale());
  return { locale, messages: CATALOGS[locale] };
});
