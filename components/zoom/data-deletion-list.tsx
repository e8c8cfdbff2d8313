import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DataDeletionReason, DataDeletionStatus } from "@/generated/prisma/enums";
import { formatDateTime } from "@/lib/format";

export type DataDeletionItem = {
  id: string;
  reason: DataDeletionReason;
  status: DataDeletionStatus;
  requestedAt: Date;
  dueAt: Date;
  completedAt: Date | null;
};

const STATUS: Record<DataDeletionStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Deletion pending", tone: "amber" },
  COMPLETED: { label: "Deleted", tone: "green" },
  NOT_REQUIRED: { label: "Kept (retention allowed)", tone: "neutral" },
};

const REASONS: Record<DataDeletionReason, string> = {
  REMOVED_BY_ADMIN: "Removed in CareVisit",
  DEAUTHORIZED_IN_ZOOM: "Removed in Zoom",
};

export function DataDeletionList({
  items,
  timeZone,
}: {
  items: DataDeletionItem[];
  timeZone: string;
}) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {items.map((item) => (
        <li
          key={item.id}
          className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm"
        >
          <span>
            {REASONS[item.reason]} on {formatDateTime(item.requestedAt, timeZone)}
            {item.status === "PENDING" ? ` · due ${formatDateTime(item.dueAt, timeZone)}` : ""}
            {item.completedAt ? ` · done ${formatDateTime(item.completedAt, timeZone)}` : ""}
          </span>
          <Badge tone={STATUS[item.status].tone}>{STATUS[item.status].label}</Badge>
        </li>
      ))}
    </ul>
  );
}
