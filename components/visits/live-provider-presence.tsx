"use client";

import { useTranslations } from "next-intl";

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
  const t = useTranslations("VisitCard");
  const { state } = useLiveVisit(initial);
  return (
    <p className="text-sm font-medium" role="status" aria-live="polite">
      {state.status === VisitStatus.ENDED
        ? t("ended")
        : state.status === VisitStatus.CANCELLED
          ? t("cancelled")
          : t(state.isProviderPresent ? "providerJoined" : "providerNotJoined", {
              name: providerName,
            })}
    </p>
  );
}
