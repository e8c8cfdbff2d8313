import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { OfflineSummary } from "@/components/pwa/offline-summary";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { PatientVisitCard } from "@/components/visits/patient-visit-card";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { listVisits } from "@/lib/visits/list-visits";
import { deriveVisitPhase, joinOpensAt } from "@/lib/visits/visit-phase";

import { joinRefusalSchema } from "./join-refusals";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Visits");
  return { title: t("title") };
}

type PatientVisitsPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PatientVisitsPage({ searchParams }: PatientVisitsPageProps) {
  const viewer = await requireRole(Role.PATIENT);
  const query = await searchParams;
  const now = new Date();
  const visits = await listVisits({ viewer, now });
  const upcoming = [...visits.in_progress, ...visits.upcoming];
  const refusal = joinRefusalSchema.parse(query.join);
  const [t, tRefusal, locale] = await Promise.all([
    getTranslations("Visits"),
    getTranslations("JoinRefusals"),
    getLocale(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("hello", { name: viewer.firstName })} />
      <OfflineSummary
        nextVisitAt={upcoming[0]?.scheduledStart ?? null}
        timeZone={viewer.timeZone}
        locale={locale}
      />
      {refusal ? (
        <Alert tone="warning" className="mb-6">
          {tRefusal(refusal)}
        </Alert>
      ) : null}
      <section aria-labelledby="upcoming-heading" className="mb-8">
        <h2 id="upcoming-heading" className="mb-3 text-lg font-semibold">
          {t("upcoming")}
        </h2>
        {upcoming.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
            {t("noUpcoming")}
          </p>
        ) : (
          <div className="flex flex-col gap-3">
            {upcoming.map((visit) => (
              <PatientVisitCard
                key={visit.id}
                visit={visit}
                phase={deriveVisitPhase(visit, now)}
                timeZone={viewer.timeZone}
                joinOpensAt={joinOpensAt(visit)}
              />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading" className="mb-3 text-lg font-semibold">
          {t("past")}
        </h2>
        {visits.past.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
            {t("noPast")}
          </p>
        ) : (
          <div className="flex flex-col gap-3">
            {visits.past.map((visit) => (
              <PatientVisitCard
                key={visit.id}
                visit={visit}
                phase={deriveVisitPhase(visit, now)}
                timeZone={viewer.timeZone}
                joinOpensAt={null}
              />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
