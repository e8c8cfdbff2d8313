"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";

type SubjectFiltersProps = { portal: "any" | "with" | "without"; upcoming: boolean };

/** Optional filters of the subject search, kept in the URL like the query. */
export function SubjectFilters({ portal, upcoming }: SubjectFiltersProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  function update(name: string, value: string | null) {
    const params = new URLSearchParams(searchParams.toString());
    params.delete("page");
    if (value) params.set(name, value);
    else params.delete(name);
    const search = params.toString();
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname));
  }

  return (
    <fieldset className="flex flex-wrap items-end gap-6" aria-busy={isPending}>
      <legend className="sr-only">Filters</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor="portal-filter" className="text-sm font-medium">
          Portal account
        </label>
        <select
          id="portal-filter"
          value={portal}
          onChange={(event) =>
            update("portal", event.target.value === "any" ? null : event.target.value)
          }
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
          onChange={(event) => update("upcoming", event.target.checked ? "1" : null)}
          className="size-4"
        />
        Has an upcoming visit
      </label>
    </fieldset>
  );
}
