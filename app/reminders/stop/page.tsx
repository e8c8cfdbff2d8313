import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Locale } from "@/lib/i18n/constants";
import { parseLocale } from "@/lib/i18n/negotiate-locale";
import { findReminderOptOut } from "@/lib/subjects/find-reminder-opt-out";

import { setReminderOptOutAction } from "./actions";

type StopRemindersPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const querySchema = z.object({
  token: z.string().max(200).catch(""),
  resumed: z.literal("1").optional().catch(undefined),
});

/** The link's subject (once per request: the metadata and the page both need it). */
const loadOptOut = cache((token: string) => findReminderOptOut({ token }));

/** The patient's own language when the link is good; the request's otherwise. */
async function localeOf(preferredLanguage: string | undefined): Promise<Locale> {
  return parseLocale(preferredLanguage) ?? (await getLocale());
}

export async function generateMetadata({
  searchParams,
}: StopRemindersPageProps): Promise<Metadata> {
  const { token } = querySchema.parse(await searchParams);
  const optOut = await loadOptOut(token);
  const locale = await localeOf(optOut?.preferredLanguage);
  const t = await getTranslations({ locale, namespace: "ReminderOptOut" });
  return { title: t("title") };
}

// The link in every reminder (public: its signed token is the credential). Opening it changes
// nothing, since mail scanners open links; the patient confirms with a button (a form POST). In
// the patient's preferred language, whatever the browser's.
export default async function StopRemindersPage({ searchParams }: StopRemindersPageProps) {
  const { token, resumed } = querySchema.parse(await searchParams);
  const optOut = await loadOptOut(token);
  const locale = await localeOf(optOut?.preferredLanguage);
  const t = await getTranslations({ locale, namespace: "ReminderOptOut" });
  const common = await getTranslations({ locale, namespace: "Common" });
  return (
    <main
      id="main"
      lang={locale}
      className="flex min-h-screen items-center justify-center px-4 py-12"
    >
      <div className="w-full max-w-md">
        <p className="mb-6 flex items-center justify-center gap-2 text-xl font-bold text-blue-800">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 2 kB SVG needs no optimiser */}
          <img src="/icons/mark.svg" alt="" width={32} height={32} />
          {common("appName")}
        </p>
        <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
          {optOut ? (
            <>
              <h1 className="mb-4 text-2xl font-bold">
                {optOut.isOptedOut
                  ? t("stoppedHeading")
                  : t("question", { clinic: optOut.clinicName })}
              </h1>
              <div aria-live="polite" className="mb-6 flex flex-col gap-4">
                {resumed && !optOut.isOptedOut ? (
                  <Alert tone="success">{t("resumed")}</Alert>
                ) : null}
                <p className="text-slate-700">
                  {optOut.isOptedOut
                    ? t("stoppedText")
                    : t("questionText", { clinic: optOut.clinicName })}
                </p>
              </div>
              <form action={setReminderOptOutAction}>
                <input type="hidden" name="token" value={token} />
                <input type="hidden" name="choice" value={optOut.isOptedOut ? "resume" : "stop"} />
                <SubmitButton
                  variant={optOut.isOptedOut ? "secondary" : "primary"}
                  pendingLabel={optOut.isOptedOut ? t("resuming") : t("stopping")}
                  className="w-full"
                >
                  {optOut.isOptedOut ? t("resume") : t("stop")}
                </SubmitButton>
              </form>
            </>
          ) : (
            <>
              <h1 className="mb-4 text-2xl font-bold">{t("invalidHeading")}</h1>
              <p className="text-slate-700">{t("invalidText")}</p>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
