import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { ConsentForm } from "@/components/consent/consent-form";
import { ConsentText } from "@/components/consent/consent-text";
import { DeviceCheck } from "@/components/device-check/device-check";
import { InstallGuidance } from "@/components/pwa/install-guidance";
import { Alert } from "@/components/ui/alert";
import { PatientVisitCard } from "@/components/visits/patient-visit-card";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { findPatientConsent } from "@/lib/consent/find-patient-consent";
import { DEFAULT_LOCALE } from "@/lib/i18n/constants";
import { findVisitForViewer } from "@/lib/visits/find-visit";
import { visitParamsSchema } from "@/lib/visits/schemas";
import { deriveVisitPhase, isClosedPhase, joinOpensAt } from "@/lib/visits/visit-phase";

import { joinRefusalSchema } from "../join-refusals";
import { acceptConsentAction, recordDeviceCheckAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Visit");
  return { title: t("title") };
}

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
  const refusal = joinRefusalSchema.parse(query.join);
  const [t, tRefusal, tConsent, locale] = await Promise.all([
    getTranslations("Visit"),
    getTranslations("JoinRefusals"),
    getTranslations("Consent"),
    getLocale(),
  ]);
  const now = new Date();
  const phase = deriveVisitPhase(visit, now);
  const isPast = isClosedPhase(phase);
  const isAhead = !isPast;
  const consent = isAhead ? await findPatientConsent({ viewer }) : null;
  const request = consent?.request ?? null;
  const deviceCheck = visit.deviceCheck
    ? { checkedAt: visit.deviceCheck.checkedAt.toISOString(), isPassed: visit.deviceCheck.isPassed }
    : null;
  return (
    <>
      <p className="mb-4">
        <Link
          href="/visits"
          className="inline-flex min-h-11 items-center text-sm font-semibold text-blue-700 underline"
        >
          {t("back")}
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-bold">{t("heading")}</h1>
      {refusal ? (
        <Alert tone="warning" className="mb-4">
          {tRefusal(refusal)}
        </Alert>
      ) : null}
      {query.consent === "signed" && !request ? (
        <Alert tone="success" className="mb-4">
          {tConsent("signed")}
        </Alert>
      ) : null}
      <PatientVisitCard
        visit={visit}
        phase={phase}
        timeZone={viewer.timeZone}
        joinOpensAt={isPast ? null : joinOpensAt(visit)}
        headingLevel="h2"
        isLinked={false}
        joinBlockedReason={request ? t("signFirst") : undefined}
      />
      {isAhead ? (
        <div className="mt-6 flex flex-col gap-6">
          {request && consent ? (
            <section
              aria-labelledby="consent-heading"
              className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
            >
              <h2 id="consent-heading" className="mb-3 text-lg font-semibold">
                {tConsent("heading")}
              </h2>
              {locale === DEFAULT_LOCALE ? null : (
                <p className="mb-3 text-sm text-slate-700">{tConsent("clinicLanguage")}</p>
              )}
              <ConsentForm
                visitId={visit.id}
                version={request.version}
                expectedName={request.expectedName}
                clinicPhone={consent.clinicPhone}
                isRenewal={consent.status.state === "outdated"}
                action={acceptConsentAction}
              >
                <ConsentText blocks={request.blocks} />
              </ConsentForm>
            </section>
          ) : null}
          <DeviceCheck
            visitId={visit.id}
            timeZone={viewer.timeZone}
            isCheckIn={now >= joinOpensAt(visit)}
            previous={deviceCheck}
            save={recordDeviceCheckAction}
          />
          <InstallGuidance />
        </div>
      ) : null}
    </>
  );
}
