import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { PasswordLinkPurpose } from "@/generated/prisma/enums";
import { findPasswordLink } from "@/lib/portal/password-links";
import { passwordLinkTokenSchema } from "@/lib/portal/schemas";

import { CodeForm } from "../../code/code-form";
import { acceptInvitationAction } from "./actions";
import { SetPasswordForm } from "./set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Invitation");
  return { title: t("title"), referrer: "no-referrer" };
}
export const dynamic = "force-dynamic";

type InvitationPageProps = { params: Promise<{ token: string }> };

// Each refusal's heading and text in the catalogs' "Invitation" namespace.
const REFUSALS = {
  expired: { title: "expiredTitle", text: "expiredText" },
  used: { title: "usedTitle", text: "usedText" },
  unknown: { title: "unknownTitle", text: "unknownText" },
} as const;

// Opening the link (as an email scanner does) never uses it up: only setting the password does.
export default async function InvitationPage({ params }: InvitationPageProps) {
  const parsed = passwordLinkTokenSchema.safeParse((await params).token);
  const { status, link } = parsed.success
    ? await findPasswordLink(parsed.data, PasswordLinkPurpose.INVITATION)
    : { status: "unknown" as const, link: null };
  const t = await getTranslations("Invitation");
  if (status !== "valid" || !link || !parsed.success) {
    const refusal = REFUSALS[status === "valid" ? "unknown" : status];
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">{t(refusal.title)}</h1>
        <Alert tone="warning" className="mb-6">
          {t(refusal.text)}
        </Alert>
        <h2 className="mb-2 text-lg font-semibold">{t("codeHeading")}</h2>
        <CodeForm key="request" step="request" />
        <p className="mt-6 text-sm">
          <Link href="/sign-in" className="font-semibold text-blue-700 underline">
            {t("passwordLink")}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("welcome", { name: link.user.firstName })}</h1>
      <p className="mb-6 text-slate-700">
        {t.rich("intro", {
          clinic: link.user.organization.name,
          email: link.user.email,
          strong: (chunks) => <span className="font-semibold">{chunks}</span>,
        })}
      </p>
      <SetPasswordForm
        token={parsed.data}
        action={acceptInvitationAction}
        submitLabel={t("submit")}
      />
      <p className="mt-6 border-t border-slate-200 pt-4 text-sm text-slate-700">
        {t("noPassword")}{" "}
        <Link href="/sign-in/code" className="font-semibold text-blue-700 underline">
          {t("codeLink")}
        </Link>
      </p>
    </>
  );
}
