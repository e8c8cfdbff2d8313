import { dateTimeFormat } from "@/lib/format";
import type { ConsentStatus } from "@/lib/consent/types";

/** "Nov 2", with the year when it is not this year's, in the clinic's zone. */
function shortDate(date: Date, timeZone: string): string {
  const year = (value: Date) => dateTimeFormat({ year: "numeric", timeZone }).format(value);
  const isThisYear = year(date) === year(new Date());
  return dateTimeFormat({
    month: "short",
    day: "numeric",
    ...(isThisYear ? {} : { year: "numeric" }),
    timeZone,
  }).format(date);
}

/** For the care team: the subject's telehealth consent, "Consent on file (v3, Nov 2)" or "No consent yet". */
export function ConsentStatusLine({
  status,
  timeZone,
}: {
  status: ConsentStatus;
  timeZone: string;
}) {
  if (status.state === "current")
    return (
      <p className="font-medium text-green-800">
        <span aria-hidden>✓ </span>Consent on file (v{status.version},{" "}
        {shortDate(status.acceptedAt, timeZone)})
      </p>
    );
  if (status.state === "outdated")
    return (
      <p className="font-medium text-amber-900">
        <span aria-hidden>! </span>Consent on file for an older text (v{status.version},{" "}
        {shortDate(status.acceptedAt, timeZone)}): the patient signs v{status.currentVersion} before
        joining
      </p>
    );
  return (
    <p className="font-medium text-slate-800">
      <span aria-hidden>– </span>No consent yet
      {status.state === "not_required" ? (
        <span className="font-normal text-slate-700"> (the clinic has no consent text)</span>
      ) : null}
    </p>
  );
}
