import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { GuestLinkJoin } from "@/components/guests/guest-link-join";
import { formatDateTime, formatTime } from "@/lib/format";
import { GUEST_CLAIM_COOKIE } from "@/lib/guests/guest-token";
import { openGuestLink } from "@/lib/guests/open-guest-link";
import { DEFAULT_LOCALE } from "@/lib/i18n/constants";

import { joinAsGuestAction } from "./actions";

type GuestPageProps = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const querySchema = z.object({ retry: z.literal("1").optional().catch(undefined) });

export const metadata: Metadata = {
  title: { absolute: "CareVisit" },
  referrer: "no-referrer",
  robots: { index: false },
};

// A guest's link (public: its token is the credential). It says as little as it can: the clinic
// and the time, never the patient. Opening it changes nothing; Join (a form POST) claims it.
export default async function GuestPage({ params, searchParams }: GuestPageProps) {
  const { token } = await params;
  const { retry } = querySchema.parse(await searchParams);
  const claimSecret = (await cookies()).get(GUEST_CLAIM_COOKIE)?.value ?? null;
  const link = await openGuestLink({ token, claimSecret });
  const locale = link.kind === "found" ? link.locale : DEFAULT_LOCALE;
  const t = await getTranslations({ locale, namespace: "GuestLink" });
  const common = await getTranslations({ locale, namespace: "Common" });
  const [heading, text] =
    link.kind === "unknown"
      ? [t("unknownHeading"), t("unknownText")]
      : link.state.kind === "revoked"
        ? [t("revokedHeading"), t("revokedText")]
        : link.state.kind === "expired"
          ? [t("expiredHeading"), t("expiredText")]
          : link.state.kind === "cancelled"
            ? [t("cancelledHeading"), t("cancelledText")]
            : link.state.kind === "in_use"
              ? [t("inUseHeading"), t("inUseText")]
              : [t("heading", { clinic: link.clinicName }), null];
  const canJoin = link.kind === "found" && link.state.kind === "usable";
  return (
    <main
      id="main"
      lang={locale}
      className="flex min-h-screen items-center justify-center px-4 py-12"
    >
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-xl font-bold text-blue-800">{common("appName")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="mb-4 text-2xl font-bold">{heading}</h1>
          {link.kind === "found" ? (
            <p className="mb-4 text-slate-700">
              {t("when", { when: formatDateTime(link.scheduledStart, link.timeZone, locale) })}
            </p>
          ) : null}
          <div aria-live="polite" className="mb-4 text-slate-700 empty:hidden">
            {text}
            {link.kind === "found" && link.state.kind === "not_yet"
              ? t("notYet", { time: formatTime(link.state.opensAt, link.timeZone, locale) })
              : null}
            {canJoin && retry ? t("noMeetingText") : null}
          </div>
          {canJoin ? (
            <GuestLinkJoin
              token={token}
              action={joinAsGuestAction}
              label={t("join")}
              pendingLabel={t("joining")}
              hint={t("joinHint")}
            />
          ) : null}
        </div>
      </div>
    </main>
  );
}
