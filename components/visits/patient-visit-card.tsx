import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { LiveProviderPresence } from "@/components/visits/live-provider-presence";
import { PatientJoinButton } from "@/components/visits/patient-join-button";
import { Badge } from "@/components/ui/badge";
import { VISIT_PHASE_TONES } from "@/components/visits/visit-phase-badge";
import type { VisitStatus } from "@/generated/prisma/enums";
import { formatDateTime, formatDay, formatTime, fullName } from "@/lib/format";
import type { VisitPhase } from "@/lib/visits/visit-phase";

export type PatientVisitCardData = {
  id: string;
  scheduledStart: Date;
  durationMinutes: number;
  status: VisitStatus;
  isProviderPresent: boolean;
  provider: { firstName: string; lastName: string };
};

type PatientVisitCardProps = {
  visit: PatientVisitCardData;
  /** The visit's phase now (deriveVisitPhase), as its badge says. */
  phase: VisitPhase;
  timeZone: string;
  /** When joining opens; null for past visits (no button). */
  joinOpensAt: Date | null;
  headingLevel?: "h2" | "h3";
  isLinked?: boolean;
  /** Why Join must wait (the telehealth consent is not signed yet). */
  joinBlockedReason?: string;
};

/** One appointment in the patient's planner, readable on a phone. */
export function PatientVisitCard({
  visit,
  phase,
  timeZone,
  joinOpensAt,
  headingLevel: Heading = "h3",
  isLinked = true,
  joinBlockedReason,
}: PatientVisitCardProps) {
  const t = useTranslations("VisitCard");
  const locale = useLocale();
  const providerName = fullName(visit.provider);
  const now = new Date();
  const isJoinOpen = joinOpensAt !== null && joinOpensAt <= now;
  const isSameDay =
    joinOpensAt !== null && formatDay(joinOpensAt, timeZone) === formatDay(now, timeZone);
  const opensAtLabel = joinOpensAt
    ? isSameDay
      ? formatTime(joinOpensAt, timeZone, locale)
      : formatDateTime(joinOpensAt, timeZone, locale)
    : "";
  const day = formatDay(visit.scheduledStart, timeZone, locale);
  return (
    <article
      aria-labelledby={`visit-${visit.id}`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <Heading id={`visit-${visit.id}`} className="text-lg font-semibold">
            {isLinked ? (
              <Link
                href={`/visits/${visit.id}`}
                className="inline-flex min-h-11 items-center text-blue-800 underline"
              >
                {day}
              </Link>
            ) : (
              day
            )}
          </Heading>
          <p className="text-slate-800">
            {t("timeAndLength", {
              time: formatTime(visit.scheduledStart, timeZone, locale),
              minutes: visit.durationMinutes,
            })}
          </p>
          <p className="text-slate-700">{t("withProvider", { name: providerName })}</p>
        </div>
        <Badge tone={VISIT_PHASE_TONES[phase]}>{t(`status.${phase}`)}</Badge>
      </div>
      {joinOpensAt ? (
        <div className="mt-4 flex flex-col gap-3">
          {isJoinOpen ? (
            <LiveProviderPresence
              providerName={providerName}
              initial={{
                view: "patient",
                visitId: visit.id,
                status: visit.status,
                isProviderPresent: visit.isProviderPresent,
              }}
            />
          ) : null}
          <PatientJoinButton
            visitId={visit.id}
            opensAt={joinOpensAt.toISOString()}
            opensAtLabel={opensAtLabel}
            isOpeningAnotherDay={!isSameDay}
            blockedReason={joinBlockedReason}
          />
        </div>
      ) : null}
    </article>
  );
}
