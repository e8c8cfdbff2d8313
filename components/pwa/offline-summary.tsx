import { useTranslations } from "next-intl";

import { formatDay, formatTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/constants";

import type { OfflineSummary as Summary } from "./constants";
import { OfflineSummarySaver } from "./offline-summary-saver";

/**
 * The offline page's summary from My visits: the next visit's day and time in the clinic's zone,
 * nothing more (no provider, no link), as the patient sees it on the page, in their language.
 */
export function OfflineSummary({
  nextVisitAt,
  timeZone,
  locale,
}: {
  nextVisitAt: Date | null;
  timeZone: string;
  locale: Locale;
}) {
  const t = useTranslations("Pwa");
  const summary: Summary = {
    lang: locale,
    title: t("offlineTitle"),
    heading: t("offlineHeading"),
    lines: [
      nextVisitAt
        ? t("nextVisit", {
            day: formatDay(nextVisitAt, timeZone, locale),
            time: formatTime(nextVisitAt, timeZone, locale),
          })
        : t("noVisit"),
      t("offlineHint"),
    ],
    retry: t("retry"),
  };
  return <OfflineSummarySaver summary={summary} />;
}
