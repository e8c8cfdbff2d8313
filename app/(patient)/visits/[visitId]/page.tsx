import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { PatientVisitCard } from "@/components/visits/patient-visit-card";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { findVisitForViewer } from "@/lib/visits/find-visit";
import { visitParamsSchema } from "@/lib/visits/schemas";
import { joinOpensAt, visitPhase } from "@/lib/visits/timeline";

import { JOIN_REFUSALS } from "../join-refusals";

export const metadata: Metadata = { title: "Visit" };

type VisitPageProps = {
  params: Promise<{ visitId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PatientVisitPage({ params, searchParams }: VisitPageProps) {
  const viewer = await requireRole(Role.PATIENT);
  const parsed = visitParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const visit = await findVisitForViewer({ visitId: parsed.data.visitId, viewer });
  if (!visit) notFound();
  const query = await searchParams;
  const refusal = typeof query.join === "string" ? JOIN_REFUSALS[query.join] : undefined;
  const isPast = visitPhase(visit, new Date()) === "past";
  return (
    <>
      <p className="mb-4">
        <Link href="/visits" className="text-sm font-semibold text-blue-700 underline">
          ← All my visits
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-bold">Your video visit</h1>
      {refusal ? (
        <Alert tone="warning" className="mb-4">
          {refusal}
        </Alert>
      ) : null}
      <PatientVisitCard
        visit={visit}
        timeZone={viewer.timeZone}
        joinOpensAt={isPast ? null : joinOpensAt(visit)}
        headingLevel="h2"
        isLinked={false}
      />
    </>
  );
}
