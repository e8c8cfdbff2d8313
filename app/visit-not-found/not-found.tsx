import Link from "next/link";

export default function VisitNotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-bold">Visit not found</h1>
      <p className="mt-2 text-slate-700">
        This visit does not exist, or you do not have access to it. Open it from your visits or the
        subject&apos;s page.
      </p>
      <Link
        href="/"
        className="mt-6 inline-flex min-h-11 items-center font-semibold text-blue-700 underline"
      >
        Go to your home page
      </Link>
    </main>
  );
}
