import type { Metadata } from "next";

import { OfflineSummary } from "@/components/pwa/offline-summary";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { PatientVisitCard } from "@/components/visits/patient-visit-card";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { listVisits } from "@/lib/visits/list-visits";
import { joinOpensAt } from "@/lib/visits/timeline";

import { JOIN_REFUSALS } from "./join-refusals";

export const metadata: Metadata = { title: "My visits" };

type PatientVisitsPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PatientVisitsPage({ searchParams }: PatientVisitsPageProps) {
  const viewer = await requireRole(Role.PATIENT);
  const query = await searchParams;
  const visits = await listVisits({ viewer });
  const upcoming = [...visits.in_progress, ...visits.upcoming];
  const refusal = typeof query.join === "string" ? JOIN_REFUSALS[query.join] : undefined;
  return (
    <>
      <PageHeader
        title="My visits"
        description={`Hello ${viewer.firstName}. Here are your video appointments.`}
      />
      <OfflineSummary
        nextVisitAt={upcoming[0]?.scheduledStart ?? null}
        timeZone={viewer.timeZone}
      />
      {refusal ? (
        <Alert tone="warning" className="mb-6">
          {refusal}
        </Alert>
      ) : null}
      <section aria-labelledby="upcoming-heading" className="mb-8">
        <h2 id="upcoming-heading" className="mb-3 text-lg font-semibold">
          Upcoming
        </h2>
        {upcoming.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
            You have no upcoming appointments. Your clinic will schedule one with you.
          </p>
        ) : (
          <div className="flex flex-col gap-3">
            {upcoming.map((visit) => (
              <PatientVisitCard
                key={visit.id}
                visit={visit}
                timeZone={viewer.timeZone}
                joinOpensAt={joinOpensAt(visit)}
              />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading" className="mb-3 text-lg font-semibold">
          Past and cancelled
        </h2>
        {visits.past.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
            No past appointments yet.
          </p>
        ) : (
          <div className="flex flex-col gap-3">
            {visits.past.map((visit) => (
              <PatientVisitCard
                key={visit.id}
                visit={visit}
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
