import { Badge, type BadgeTone } from "@/components/ui/badge";
import { VisitStatus } from "@/generated/prisma/enums";

const LABELS: Record<VisitStatus, { label: string; tone: BadgeTone }> = {
  [VisitStatus.SCHEDULED]: { label: "Scheduled", tone: "blue" },
  [VisitStatus.IN_PROGRESS]: { label: "In progress", tone: "green" },
  [VisitStatus.ENDED]: { label: "Ended", tone: "neutral" },
  [VisitStatus.CANCELLED]: { label: "Cancelled", tone: "red" },
};

export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { label, tone } = LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
