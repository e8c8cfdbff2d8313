import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { VisitPhase } from "@/lib/visits/visit-phase";

/** Each phase's colour; the patient's card names them in the patient's language. */
export const VISIT_PHASE_TONES: Record<VisitPhase, BadgeTone> = {
  upcoming: "blue",
  joinable: "blue",
  live: "green",
  ended: "neutral",
  no_show: "amber",
  cancelled: "red",
};

const LABELS: Record<VisitPhase, string> = {
  upcoming: "Scheduled",
  joinable: "Scheduled",
  live: "In progress",
  ended: "Ended",
  no_show: "No-show",
  cancelled: "Cancelled",
};

/** The visit's phase (visit-phase.ts) as the care team reads it. */
export function VisitPhaseBadge({ phase }: { phase: VisitPhase }) {
  return <Badge tone={VISIT_PHASE_TONES[phase]}>{LABELS[phase]}</Badge>;
}
