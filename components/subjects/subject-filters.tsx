"use client";

import type { SubjectSearchParams } from "@/lib/subjects/schemas";

type Filters = Pick<SubjectSearchParams, "portal" | "upcoming">;
type SubjectFiltersProps = Filters & { onChange: (changes: Partial<Filters>) => void };

/** Optional filters of the subject search, kept with the query (not in the URL). */
export function SubjectFilters({ portal, upcoming, onChange }: SubjectFiltersProps) {
  return (
    <fieldset className="flex flex-wrap items-end gap-6">
      <legend className="sr-only">Filters</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor="portal-filter" className="text-sm font-medium">
          Portal account
        </label>
        <select
          id="portal-filter"
          value={portal}
          onChange={(event) => {
            const value = event.target.value;
            onChange({ portal: value === "with" || value === "without" ? value : "any" });
          }}
          className="min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-700"
        >
          <option value="any">Any</option>
          <option value="with">Has a portal account</option>
          <option value="without">No portal account</option>
        </select>
      </div>
      <label className="flex min-h-10 items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={upcoming}
          onChange={(event) => onChange({ upcoming: event.target.checked })}
          className="size-4"
        />
        Has an upcoming visit
      </label>
    </fieldset>
  );
}
