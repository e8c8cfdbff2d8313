import { createTranslator } from "next-intl";

import type { Locale } from "@/lib/i18n/constants";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

// The "VisitEmails" catalog namespace, outside any request: emails are written by a job, in the
// recipient's language. next-intl's createTranslator is plain ICU formatting (use-intl/core) and
// runs in Node without React. One translator per language, built once: it caches parsed messages.

const CATALOGS: Record<Locale, typeof en> = { en, es };

function buildTranslator(locale: Locale) {
  return createTranslator({
    locale,
    messages: CATALOGS[locale],
    namespace: "VisitEmails",
    // A missing or malformed message is a bug in the catalog: fail rather than mail a key.
    onError: (error) => {
      throw error;
    },
  });
}

export type VisitEmailsTranslator = ReturnType<typeof buildTranslator>;

const translators = new Map<Locale, VisitEmailsTranslator>();

export function visitEmailsTranslator(locale: Locale): VisitEmailsTranslator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = buildTranslator(locale);
    translators.set(locale, translator);
  }
  return translator;
}
