"use client";

import { SubjectTable } from "@/components/subjects/subject-table";
import { Alert } from "@/components/ui/alert";
import { SUBJECTS_MAX_PAGE } from "@/lib/subjects/constants";
import type { SubjectSearchParams } from "@/lib/subjects/schemas";
import { type SortableColumn, sortChange } from "@/lib/subjects/search-sort";
import type { SubjectSearchResult } from "@/lib/subjects/types";

const pageButton =
  "rounded-md border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700";

type SubjectResultsProps = {
  params: SubjectSearchParams;
  result: SubjectSearchResult;
  /** Sorting and paging make a new history entry: Back returns to the previous page. */
  onBrowse: (changes: Partial<SubjectSearchParams>) => void;
};

export function SubjectResults({ params, result, onBrowse }: SubjectResultsProps) {
  if (result.items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="font-semibold">
          {params.q ? `No subject matches “${params.q}”.` : "No subjects match these filters."}
        </p>
        <p className="mt-1 text-slate-700">
          Check the spelling, try the record number, or clear the filters.
        </p>
      </div>
    );
  }
  const sorting = {
    sort: params.sort,
    dir: params.dir,
    onSort: (column: SortableColumn) => onBrowse(sortChange(params, column)),
  };
  return (
    <>
      {result.correctedQuery ? (
        <Alert tone="info" className="mb-4">
          No subject matches “{params.q}”. Showing results for{" "}
          <strong>{result.correctedQuery}</strong>.
        </Alert>
      ) : null}
      <SubjectTable subjects={result.items} sorting={sorting} />
      <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
        <span className="text-slate-700">Page {result.page}</span>
        <span className="flex gap-2">
          {result.page > 1 ? (
            <button
              type="button"
              className={pageButton}
              onClick={() => onBrowse({ page: result.page - 1 })}
            >
              Previous
            </button>
          ) : null}
          {result.hasNextPage && result.page < SUBJECTS_MAX_PAGE ? (
            <button
              type="button"
              className={pageButton}
              onClick={() => onBrowse({ page: result.page + 1 })}
            >
              Next
            </button>
          ) : null}
        </span>
      </nav>
      {result.hasNextPage && result.page >= SUBJECTS_MAX_PAGE ? (
        <p className="mt-2 text-sm text-slate-700">
          Many more subjects match: narrow the search to see them.
        </p>
      ) : null}
    </>
  );
}

export function SubjectResultsSkeleton() {
  return (
    <div aria-hidden className="animate-pulse rounded-lg border border-slate-200 bg-white">
      {Array.from({ length: 10 }, (_, row) => (
        <div key={row} className="h-11 border-b border-slate-100 last:border-0" />
      ))}
    </div>
  );
}
