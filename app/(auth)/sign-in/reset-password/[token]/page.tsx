import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { PasswordLinkPurpose } from "@/generated/prisma/enums";
import { findPasswordLink } from "@/lib/portal/password-links";
import { passwordLinkTokenSchema } from "@/lib/portal/schemas";

import { SetPasswordForm } from "../../invitation/[token]/set-password-form";
import { resetPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ResetPassword");
  return { title: t("title"), referrer: "no-referrer" };
}
export const dynamic = "force-dynamic";

type ResetPasswordPageProps = { params: Promise<{ token: string }> };

// Opening the link never uses it up: only choosing the password does.
export default async function ResetPasswordPage({ params }: ResetPasswordPageProps) {
  const parsed = passwordLinkTokenSchema.safeParse((await params).token);
  const found = parsed.success
    ? await findPasswordLink(parsed.data, PasswordLinkPurpose.RESET)
    : { status: "unknown" as const, link: null };
  const t = await getTranslations("ResetPassword");
  if (found.status !== "valid" || !found.link || !parsed.success) {
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">
          {t(found.status === "used" ? "usedHeading" : "expiredHeading")}
        </h1>
        <Alert tone="warning" className="mb-6">
          {t("refusal")}
        </Alert>
        <Link href="/sign-in/forgot-password" className="font-semibold text-blue-700 underline">
          {t("newLink")}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("heading")}</h1>
      <p className="mb-6 text-slate-700">{t("intro", { email: found.link.user.email })}</p>
      <SetPasswordForm token={parsed.data} action={resetPasswordAction} submitLabel={t("submit")} />
    </>
  );
}
