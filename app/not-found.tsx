import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700">
        This page does not exist, or you do not have access to it.
      </p>
      <Link href="/" className="mt-6 inline-block font-semibold text-blue-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
