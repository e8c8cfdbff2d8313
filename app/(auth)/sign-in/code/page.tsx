import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { CODE_EMAIL_COOKIE } from "@/lib/auth/code-email-cookie";
import { CODE_TTL_MINUTES } from "@/lib/auth/one-time-code";

import { CodeForm } from "./code-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignInCode");
  return { title: t("title") };
}

/** The way to the code sign-in's other step, under its form. */
function OtherStep({ prompt, href, label }: { prompt: string; href: string; label: string }) {
  return (
    <p className="mt-6 text-sm text-slate-700">
      {prompt}{" "}
      <Link href={href} className="font-semibold text-blue-700 underline">
        {label}
      </Link>
    </p>
  );
}

type CodePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opening this page (as an email link scanner does) never uses up a code: only the form's POST does.
export default async function CodeSignInPage({ searchParams }: CodePageProps) {
  const query = await searchParams;
  const email = (await cookies()).get(CODE_EMAIL_COOKIE)?.value;
  const isEntering = query.step === "enter";
  const t = await getTranslations("SignInCode");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("heading")}</h1>
      {isEntering ? (
        <>
          {query.sent === "1" ? (
            <Alert tone="info" className="mb-4">
              {t("sent", { minutes: CODE_TTL_MINUTES })}
            </Alert>
          ) : (
            <p className="mb-4 text-slate-700">{t("enterIntro")}</p>
          )}
          <CodeForm key="enter" step="enter" email={email} />
          <OtherStep prompt={t("noCode")} href="/sign-in/code" label={t("sendNew")} />
        </>
      ) : (
        <>
          <p className="mb-4 text-slate-700">{t("requestIntro")}</p>
          <CodeForm key="request" step="request" email={email} />
          <OtherStep prompt={t("haveCode")} href="/sign-in/code?step=enter" label={t("enterIt")} />
        </>
      )}
      <p className="mt-2 text-sm text-slate-700">
        <Link href="/sign-in" className="font-semibold text-blue-700 underline">
          {t("usePassword")}
        </Link>
      </p>
    </>
  );
}
