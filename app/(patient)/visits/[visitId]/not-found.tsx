import Link from "next/link";

export default function VisitNotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">Visit not found</h1>
      <p className="mt-2 text-slate-700">This visit does not exist, or it is not one of yours.</p>
      <Link href="/visits" className="mt-6 inline-block font-semibold text-blue-700 underline">
        See your visits
      </Link>
    </div>
  );
}
