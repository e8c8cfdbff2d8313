import { createTranslator } from "next-intl";

import type { Locale } from "@/lib/i18n/constants";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

// The "PatientEmails" catalog namespace (the portal invitation, the sign-in code, the password
// reset), outside any request's locale: an email is written in its recipient's language, not in
// the language of whoever caused it. Plain ICU formatting (createTranslator), built once per
// language, as lib/visit-messages does for the visit emails.

const CATALOGS: Record<Locale, typeof en> = { en, es };

function buildTranslator(locale: Locale) {
  return createTranslator({
    locale,
    messages: CATALOGS[locale],
    namespace: "PatientEmails",
    // A missing or malformed message is a bug in the catalog: fail rather than mail a key.
    onError: (error) => {
      throw error;
    },
  });
}

export type PatientEmailsTranslator = ReturnType<typeof buildTranslator>;

const translators = new Map<Locale, PatientEmailsTranslator>();

export function patientEmailsTranslator(locale: Locale): PatientEmailsTranslator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = buildTranslator(locale);
    translators.set(locale, translator);
  }
  return translator;
}
