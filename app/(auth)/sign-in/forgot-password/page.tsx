import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { Alert } from "@/components/ui/alert";

import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ForgotPassword");
  return { title: t("title") };
}

type ForgotPasswordPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ForgotPasswordPage({ searchParams }: ForgotPasswordPageProps) {
  const sent = (await searchParams).sent === "1";
  const t = await getTranslations("ForgotPassword");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("heading")}</h1>
      {sent ? (
        <Alert tone="info" className="mb-4">
          {t("sent")}
        </Alert>
      ) : (
        <p className="mb-4 text-slate-700">{t("intro")}</p>
      )}
      <ForgotPasswordForm />
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="font-semibold text-blue-700 underline">
          {t("back")}
        </Link>
      </p>
    </>
  );
}
