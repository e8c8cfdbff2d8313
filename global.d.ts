import type { Locale } from "@/lib/i18n/constants";
import type en from "@/messages/en.json";

// next-intl's types: a key missing from the English catalog, or a wrong locale, fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
