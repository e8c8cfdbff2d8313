"use client";

import { useLiveVisit } from "@/components/visits/use-live-visit";
import { VisitStatus } from "@/generated/prisma/enums";
import type { PatientLiveVisit } from "@/lib/visits/types";

/** For the patient: whether their provider has joined, kept up to date while the page is open. */
export function LiveProviderPresence({
  initial,
  providerName,
}: {
  initial: PatientLiveVisit;
  providerName: string;
}) {
  const { state } = useLiveVisit(initial);
  return (
    <p className="text-sm font-medium" role="status" aria-live="polite">
      {state.status === VisitStatus.ENDED
        ? "Your visit has ended."
        : state.status === VisitStatus.CANCELLED
          ? "This visit was cancelled."
          : state.isProviderPresent
            ? `${providerName} has joined.`
            : `${providerName} has not joined yet.`}
    </p>
  );
}
