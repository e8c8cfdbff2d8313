import { formatDateTime } from "@/lib/format";

/**
 * For the care team: whether the patient can be told about visits by email, on the Video
 * Conferencing page. Nothing when all is well.
 */
export function SubjectMessagingLine({
  hasEmail,
  remindersOptedOutAt,
  timeZone,
}: {
  hasEmail: boolean;
  remindersOptedOutAt: Date | null;
  timeZone: string;
}) {
  if (!hasEmail)
    return (
      <p className="font-medium text-amber-900">
        <span aria-hidden>! </span>No email on file: the patient gets no invitations or reminders.
        Add one with Edit subject on the Overview.
      </p>
    );
  if (remindersOptedOutAt)
    return (
      <p className="font-medium text-slate-800">
        Reminders off: the patient stopped them on {formatDateTime(remindersOptedOutAt, timeZone)}.
        Invitations and changes still go.
      </p>
    );
  return null;
}
