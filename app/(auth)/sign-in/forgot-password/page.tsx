import type { Metadata } from "next";
import Link from "next/link";

import { Alert } from "@/components/ui/alert";

import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

type ForgotPasswordPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ForgotPasswordPage({ searchParams }: ForgotPasswordPageProps) {
  const sent = (await searchParams).sent === "1";
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Forgot password</h1>
      {sent ? (
        <Alert tone="info" className="mb-4">
          If that address belongs to an account, we have emailed it a link to choose a new password.
          The link works once, for 1 hour.
        </Alert>
      ) : (
        <p className="mb-4 text-slate-700">We will email you a link to choose a new password.</p>
      )}
      <ForgotPasswordForm />
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="font-semibold text-blue-700 underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
