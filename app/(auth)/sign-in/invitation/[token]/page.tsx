import type { Metadata } from "next";
import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { PasswordLinkPurpose } from "@/generated/prisma/enums";
import { findPasswordLink } from "@/lib/portal/password-links";
import { passwordLinkTokenSchema } from "@/lib/portal/schemas";

import { CodeForm } from "../../code/code-form";
import { acceptInvitationAction } from "./actions";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Your invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type InvitationPageProps = { params: Promise<{ token: string }> };

const REFUSALS = {
  expired: {
    title: "This invitation has expired",
    text: "Invitation links work for 7 days, and only the newest one. Ask your clinic to send a new invitation, or sign in now with a one-time code sent to your email.",
  },
  used: {
    title: "This invitation has already been used",
    text: "Your password is set: sign in with it. Forgot it? Sign in with a one-time code sent to your email.",
  },
  unknown: {
    title: "This invitation link does not work",
    text: "Check that you opened the whole link from the email, or sign in with a one-time code sent to your email.",
  },
} as const;

// Opening the link (as an email scanner does) never uses it up: only setting the password does.
export default async function InvitationPage({ params }: InvitationPageProps) {
  const parsed = passwordLinkTokenSchema.safeParse((await params).token);
  const { status, link } = parsed.success
    ? await findPasswordLink(parsed.data, PasswordLinkPurpose.INVITATION)
    : { status: "unknown" as const, link: null };
  if (status !== "valid" || !link || !parsed.success) {
    const refusal = REFUSALS[status === "valid" ? "unknown" : status];
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">{refusal.title}</h1>
        <Alert tone="warning" className="mb-6">
          {refusal.text}
        </Alert>
        <h2 className="mb-2 text-lg font-semibold">Get a one-time code by email</h2>
        <CodeForm key="request" step="request" />
        <p className="mt-6 text-sm">
          <Link href="/sign-in" className="font-semibold text-blue-700 underline">
            Sign in with a password
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Welcome, {link.user.firstName}</h1>
      <p className="mb-6 text-slate-700">
        <span className="font-semibold">{link.user.organization.name}</span> invited you to
        CareVisit. Choose a password for {link.user.email}; you will then see your video visits.
      </p>
      <SetPasswordForm
        token={parsed.data}
        action={acceptInvitationAction}
        submitLabel="Set password and sign in"
      />
      <p className="mt-6 border-t border-slate-200 pt-4 text-sm text-slate-700">
        Rather not use a password?{" "}
        <Link href="/sign-in/code" className="font-semibold text-blue-700 underline">
          Sign in with a code sent to your email
        </Link>
      </p>
    </>
  );
}
