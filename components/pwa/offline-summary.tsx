import { formatDay, formatTime } from "@/lib/format";

import type { OfflineSummary as Summary } from "./constants";
import { PWA_TEXT as TEXT } from "./messages";
import { OfflineSummarySaver } from "./offline-summary-saver";

/**
 * The offline page's summary from My visits: the next visit's day and time in the clinic's zone,
 * nothing more (no provider, no link), as the patient sees it on the page.
 */
export function OfflineSummary({
  nextVisitAt,
  timeZone,
}: {
  nextVisitAt: Date | null;
  timeZone: string;
}) {
  const summary: Summary = {
    lang: "en",
    title: TEXT.offlineTitle,
    heading: TEXT.offlineHeading,
    lines: [
      nextVisitAt
        ? TEXT.nextVisit(formatDay(nextVisitAt, timeZone), formatTime(nextVisitAt, timeZone))
        : TEXT.noVisit,
      TEXT.offlineHint,
    ],
    retry: TEXT.retry,
  };
  return <OfflineSummarySaver summary={summary} />;
}
