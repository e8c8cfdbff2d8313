import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { homePathFor } from "@/lib/auth/home-path";
import { callbackPathFromQuery } from "@/lib/auth/callback-path";
import { signInPageErrorSchema } from "@/lib/auth/schemas";
import { signInPageErrorKey } from "@/lib/auth/sign-in-failure";
import { getViewer } from "@/lib/auth/viewer";

import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const viewer = await getViewer();
  if (viewer) redirect(homePathFor(viewer.role));
  const query = await searchParams;
  const callbackPath = callbackPathFromQuery(query.callbackUrl);
  // Auth.js sends a refused sign-in posted to it directly back here with ?error=.
  const errorKey = signInPageErrorKey(signInPageErrorSchema.parse(query.error));
  const [t, tFailure] = await Promise.all([
    getTranslations("SignIn"),
    getTranslations("SignInFailure"),
  ]);
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{t("heading")}</h1>
      <SignInForm
        callbackPath={callbackPath}
        initialMessage={errorKey ? tFailure(errorKey) : undefined}
      />
      <p className="mt-6 border-t border-slate-200 pt-4 text-sm text-slate-700">
        {t("patientPrompt")}{" "}
        <Link href="/sign-in/code" className="font-semibold text-blue-700 underline">
          {t("codeLink")}
        </Link>
      </p>
    </>
  );
}
