import { Badge, type BadgeTone } from "@/components/ui/badge";
import { VisitStatus } from "@/generated/prisma/enums";

/** Each status's colour; the patient's card names them in the patient's language. */
export const VISIT_STATUS_TONES: Record<VisitStatus, BadgeTone> = {
  [VisitStatus.SCHEDULED]: "blue",
  [VisitStatus.IN_PROGRESS]: "green",
  [VisitStatus.ENDED]: "neutral",
  [VisitStatus.CANCELLED]: "red",
};

const LABELS: Record<VisitStatus, { label: string; tone: BadgeTone }> = {
  [VisitStatus.SCHEDULED]: { label: "Scheduled", tone: VISIT_STATUS_TONES.SCHEDULED },
  [VisitStatus.IN_PROGRESS]: { label: "In progress", tone: VISIT_STATUS_TONES.IN_PROGRESS },
  [VisitStatus.ENDED]: { label: "Ended", tone: VISIT_STATUS_TONES.ENDED },
  [VisitStatus.CANCELLED]: { label: "Cancelled", tone: VISIT_STATUS_TONES.CANCELLED },
};

export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { label, tone } = LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
