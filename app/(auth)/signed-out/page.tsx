import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignedOut");
  return { title: t("title") };
}

const reasonSchema = z.enum(["inactivity", "expired"]).catch("expired");

type SignedOutPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Where a session that timed out lands (proxy.ts and requireRole send it here): it says why, and
// nothing about who was signed in. Public: the session is over.
export default async function SignedOutPage({ searchParams }: SignedOutPageProps) {
  const reason = reasonSchema.parse((await searchParams).reason);
  const t = await getTranslations("SignedOut");
  const isInactivity = reason === "inactivity";
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">
        {t(isInactivity ? "inactivityHeading" : "expiredHeading")}
      </h1>
      <p className="mb-6 text-slate-700">{t(isInactivity ? "inactivityText" : "expiredText")}</p>
      <Link
        href="/sign-in"
        className="inline-flex items-center rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      >
        {t("signInAgain")}
      </Link>
    </>
  );
}
