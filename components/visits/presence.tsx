import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PatientPresence } from "@/generated/prisma/enums";

const PATIENT: Record<PatientPresence, { label: string; tone: BadgeTone }> = {
  [PatientPresence.NOT_JOINED]: { label: "Patient not joined", tone: "neutral" },
  [PatientPresence.WAITING]: { label: "Patient waiting", tone: "amber" },
  [PatientPresence.IN_MEETING]: { label: "Patient in the meeting", tone: "green" },
  [PatientPresence.LEFT]: { label: "Patient left", tone: "neutral" },
};

/** Who is in the visit right now, as badges. */
export function VisitPresence({
  patientPresence,
  isProviderPresent,
}: {
  patientPresence: PatientPresence;
  isProviderPresent: boolean;
}) {
  const patient = PATIENT[patientPresence];
  return (
    <span className="flex flex-wrap gap-2">
      <Badge tone={patient.tone}>{patient.label}</Badge>
      <Badge tone={isProviderPresent ? "green" : "neutral"}>
        {isProviderPresent ? "Provider joined" : "Provider not joined"}
      </Badge>
    </span>
  );
}
