"use client";

import { useEffect, useState } from "react";

import { Alert } from "@/components/ui/alert";
import type { ImportProgress as Progress } from "@/lib/subjects/import/types";

const POLL_MS = 1_000;

/** Polls the import's counts until it is done: a progress bar, then the summary. */
export function ImportProgress({ initial }: { initial: Progress }) {
  const [progress, setProgress] = useState(initial);
  const [isLost, setIsLost] = useState(false);
  const isFinished = progress.status === "DONE" || progress.status === "FAILED";

  useEffect(() => {
    if (isFinished) return;
    const poll = async () => {
      try {
        const response = await fetch(`/api/subjects/import/${progress.id}`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        setProgress((await response.json()) as Progress);
        setIsLost(false);
      } catch {
        setIsLost(true);
        // A new object, so that the effect runs again and the next poll is scheduled.
        setProgress((current) => ({ ...current }));
      }
    };
    const timer = setTimeout(() => void poll(), POLL_MS);
    return () => clearTimeout(timer);
  }, [progress, isFinished]);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="import-progress" className="font-semibold">
          Rows done
        </label>
        <progress
          id="import-progress"
          max={progress.totalRows}
          value={progress.doneRows}
          className="h-4 w-full max-w-xl"
        />
        <p aria-live="polite">
          {progress.doneRows.toLocaleString("en-US")} of{" "}
          {progress.totalRows.toLocaleString("en-US")} rows {isFinished ? "done" : "done so far"}
        </p>
      </div>
      {isLost ? <Alert tone="warning">Lost contact with the server; retrying…</Alert> : null}
      {progress.status === "FAILED" ? (
        <Alert tone="error">The import stopped. The rows done so far are kept.</Alert>
      ) : null}
      {progress.status === "DONE" ? <ImportSummary progress={progress} /> : null}
    </div>
  );
}

function ImportSummary({ progress }: { progress: Progress }) {
  const counts = [
    ["Created", progress.created],
    ["Updated", progress.updated],
    ["Unchanged", progress.unchanged],
    ["Refused", progress.refused],
  ] as const;
  return (
    <section aria-labelledby="import-summary" className="flex flex-col gap-3">
      <h2 id="import-summary" className="text-lg font-semibold">
        Summary
      </h2>
      <dl className="grid max-w-md grid-cols-2 gap-2">
        {counts.map(([label, count]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd className="font-semibold">{count.toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      {progress.refused > 0 ? (
        <a
          href={`/api/subjects/import/${progress.id}/refused.csv`}
          className="font-semibold text-blue-800 underline"
          download
        >
          Download refused rows
        </a>
      ) : null}
    </section>
  );
}
