import { useLocale, useTranslations } from "next-intl";

import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/constants";
import { cn } from "@/lib/utils";

/** English / Español: each language named in itself, the current one pressed. Works without script. */
export function LanguageSwitch({
  action,
  className,
}: {
  action: (formData: FormData) => Promise<void>;
  className?: string;
}) {
  const t = useTranslations("LanguageSwitch");
  const current = useLocale();
  return (
    <form action={action} aria-label={t("label")} className={cn("flex gap-1", className)}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={cn(
            "min-h-11 min-w-11 rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100",
            "focus-visible:outline-2 focus-visible:outline-blue-700",
            locale === current && "bg-slate-100 font-semibold text-slate-950 underline",
          )}
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
