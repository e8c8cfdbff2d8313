import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { CODE_EMAIL_COOKIE } from "@/lib/auth/code-email-cookie";
import { CODE_TTL_MINUTES } from "@/lib/auth/one-time-code";

import { CodeForm } from "./code-form";

export const metadata: Metadata = { title: "Sign in with a code" };

type CodePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opening this page (as an email link scanner does) never uses up a code: only the form's POST does.
export default async function CodeSignInPage({ searchParams }: CodePageProps) {
  const query = await searchParams;
  const email = (await cookies()).get(CODE_EMAIL_COOKIE)?.value;
  const isEntering = query.step === "enter";
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Sign in with a code</h1>
      {isEntering ? (
        <>
          {query.sent === "1" ? (
            <Alert tone="info" className="mb-4">
              If that address belongs to a patient account, we have emailed it a 6-digit code. The
              code works once, for {CODE_TTL_MINUTES} minutes.
            </Alert>
          ) : (
            <p className="mb-4 text-slate-700">Enter your email and the code we sent you.</p>
          )}
          <CodeForm key="enter" step="enter" email={email} />
          <p className="mt-6 text-sm text-slate-700">
            No code, or it expired?{" "}
            <Link href="/sign-in/code" className="font-semibold text-blue-700 underline">
              Send a new code
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="mb-4 text-slate-700">
            We will email you a 6-digit code. No password needed.
          </p>
          <CodeForm key="request" step="request" email={email} />
          <p className="mt-6 text-sm text-slate-700">
            Already have a code?{" "}
            <Link href="/sign-in/code?step=enter" className="font-semibold text-blue-700 underline">
              Enter it
            </Link>
          </p>
        </>
      )}
      <p className="mt-2 text-sm text-slate-700">
        <Link href="/sign-in" className="font-semibold text-blue-700 underline">
          Sign in with a password instead
        </Link>
      </p>
    </>
  );
}
