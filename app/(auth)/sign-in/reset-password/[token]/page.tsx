import type { Metadata } from "next";
import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { PasswordLinkPurpose } from "@/generated/prisma/enums";
import { findPasswordLink } from "@/lib/portal/password-links";
import { passwordLinkTokenSchema } from "@/lib/portal/schemas";

import { SetPasswordForm } from "../../invitation/[token]/set-password-form";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type ResetPasswordPageProps = { params: Promise<{ token: string }> };

// Opening the link never uses it up: only choosing the password does.
export default async function ResetPasswordPage({ params }: ResetPasswordPageProps) {
  const parsed = passwordLinkTokenSchema.safeParse((await params).token);
  const found = parsed.success
    ? await findPasswordLink(parsed.data, PasswordLinkPurpose.RESET)
    : { status: "unknown" as const, link: null };
  if (found.status !== "valid" || !found.link || !parsed.success) {
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">
          {found.status === "used"
            ? "This reset link has already been used"
            : "This reset link has expired"}
        </h1>
        <Alert tone="warning" className="mb-6">
          Reset links work once, for 1 hour, and only the newest one. Ask for a new one.
        </Alert>
        <Link href="/sign-in/forgot-password" className="font-semibold text-blue-700 underline">
          Email me a new reset link
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Choose a new password</h1>
      <p className="mb-6 text-slate-700">
        For {found.link.user.email}. Every other session of this account will end.
      </p>
      <SetPasswordForm
        token={parsed.data}
        action={resetPasswordAction}
        submitLabel="Save password and sign in"
      />
    </>
  );
}
