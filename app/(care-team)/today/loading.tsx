export default function Loading() {
  return (
    <p role="status" aria-live="polite" className="text-slate-700">
      Loading today&apos;s visits…
    </p>
  );
}
