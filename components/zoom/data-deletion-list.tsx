import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CancelDeletionButton } from "@/components/zoom/cancel-deletion-button";
import { DataDeletionReason, DataDeletionStatus } from "@/generated/prisma/enums";
import type { ActionState } from "@/lib/action-state";
import { formatDateTime } from "@/lib/format";

export type DataDeletionItem = {
  id: string;
  reason: DataDeletionReason;
  status: DataDeletionStatus;
  requestedAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  cancelledAt: Date | null;
};

const STATUS: Record<DataDeletionStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Deletion pending", tone: "amber" },
  COMPLETED: { label: "Deleted", tone: "green" },
  NOT_REQUIRED: { label: "Kept (retention allowed)", tone: "neutral" },
  CANCELLED: { label: "Deletion cancelled", tone: "neutral" },
};

const REASONS: Record<DataDeletionReason, string> = {
  REMOVED_BY_ADMIN: "Removed in CareVisit",
  DEAUTHORIZED_IN_ZOOM: "Removed in Zoom",
};

type DataDeletionListProps = {
  items: DataDeletionItem[];
  timeZone: string;
  cancelAction: (previous: ActionState, formData: FormData) => Promise<ActionState>;
};

/** An admin cancels a removal made in CareVisit; a removal in Zoom is cancelled by relinking. */
const isCancellable = (item: DataDeletionItem) =>
  item.status === DataDeletionStatus.PENDING && item.reason === DataDeletionReason.REMOVED_BY_ADMIN;

export function DataDeletionList({ items, timeZone, cancelAction }: DataDeletionListProps) {
  return (
    <ul
      aria-live="polite"
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
    >
      {items.map((item) => (
        <li
          key={item.id}
          className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm"
        >
          <span>
            {REASONS[item.reason]} on {formatDateTime(item.requestedAt, timeZone)}
            {item.status === "PENDING" ? ` · due ${formatDateTime(item.dueAt, timeZone)}` : ""}
            {item.completedAt ? ` · done ${formatDateTime(item.completedAt, timeZone)}` : ""}
            {item.cancelledAt ? ` · cancelled ${formatDateTime(item.cancelledAt, timeZone)}` : ""}
          </span>
          <span className="flex flex-wrap items-center gap-3">
            <Badge tone={STATUS[item.status].tone}>{STATUS[item.status].label}</Badge>
            {isCancellable(item) ? (
              <CancelDeletionButton action={cancelAction} requestId={item.id} />
            ) : item.status === DataDeletionStatus.PENDING ? (
              <span className="text-slate-700">Linking this Zoom account again cancels it.</span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
