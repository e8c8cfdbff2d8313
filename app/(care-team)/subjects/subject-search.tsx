"use client";

import { useEffect, useState } from "react";

import { SubjectFilters } from "@/components/subjects/subject-filters";
import { SubjectSearchBox } from "@/components/subjects/subject-search-box";
import { useSearchHistory } from "@/components/subjects/use-search-history";
import { Alert } from "@/components/ui/alert";
import type { SubjectSearchParams } from "@/lib/subjects/schemas";
import type { SubjectSearchResult } from "@/lib/subjects/types";

import { searchSubjectsAction } from "./actions";
import { SubjectResults, SubjectResultsSkeleton } from "./subject-results";

type Outcome = { params: SubjectSearchParams } & (
  { result: SubjectSearchResult } | { result: null }
);

/**
 * The subject search: its state in the history entry (use-search-history.ts), its results fetched
 * by a server action (a POST), so that what was typed never appears in a URL (decision 029).
 */
export function SubjectSearch() {
  const { params, restored, update } = useSearchHistory();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!params) return;
    let isCurrent = true;
    searchSubjectsAction(params).then(
      (result) => isCurrent && setOutcome({ params, result }),
      () => isCurrent && setOutcome({ params, result: null }),
    );
    return () => {
      isCurrent = false;
    };
  }, [params, attempt]);

  const isSearching = params !== null && outcome?.params !== params;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <SubjectSearchBox
            key={restored}
            initialQuery={params?.q ?? ""}
            isSearching={isSearching}
            onSearch={(q) => update({ q, page: 1 }, "replace")}
          />
        </div>
        <SubjectFilters
          portal={params?.portal ?? "any"}
          upcoming={params?.upcoming ?? false}
          onChange={(changes) => update({ ...changes, page: 1 }, "replace")}
        />
      </div>
      <div aria-busy={isSearching}>
        {!outcome ? (
          <SubjectResultsSkeleton />
        ) : outcome.result ? (
          <SubjectResults
            params={outcome.params}
            result={outcome.result}
            onBrowse={(changes) => update(changes, "push")}
          />
        ) : (
          <Alert tone="error" title="The search could not be run.">
            <button
              type="button"
              className="font-semibold underline"
              onClick={() => setAttempt((count) => count + 1)}
            >
              Try again
            </button>
          </Alert>
        )}
      </div>
    </>
  );
}
