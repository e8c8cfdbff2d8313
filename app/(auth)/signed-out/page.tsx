import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";

export const metadata: Metadata = { title: "Signed out" };

const reasonSchema = z.enum(["inactivity", "expired"]).catch("expired");

type SignedOutPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Where a session that timed out lands (proxy.ts and requireRole send it here): it says why, and
// nothing about who was signed in. Public: the session is over.
export default async function SignedOutPage({ searchParams }: SignedOutPageProps) {
  const reason = reasonSchema.parse((await searchParams).reason);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">
        {reason === "inactivity" ? "Signed out for inactivity" : "Your session has ended"}
      </h1>
      <p className="mb-6 text-slate-700">
        {reason === "inactivity"
          ? "You were signed out because CareVisit was not used for a while. This keeps patients' information safe on a screen left unattended."
          : "Sessions end some hours after signing in, however busy they are, so that a device left signed in does not stay signed in."}{" "}
        Nothing you had saved is lost.
      </p>
      <Link
        href="/sign-in"
        className="inline-flex items-center rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      >
        Sign in again
      </Link>
    </>
  );
}
