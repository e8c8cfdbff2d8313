"use client";

import { Search } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

import { SUBJECT_SEARCH_MAX_LENGTH } from "@/lib/subjects/constants";

const DEBOUNCE_MS = 300;

/** Keeps the query in the URL (?q=), so searches can be bookmarked and Back works. Filters and sorting stay. */
export function SubjectSearchBox({ initialQuery }: { initialQuery: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [query, setQuery] = useState(initialQuery);
  const [isPending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    // A click on a link (say, a result already shown) before the pending search update fires
    // must not be undone by that update replacing the URL a moment later.
    const cancelPendingSearch = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest("a[href]"))
        clearTimeout(timer.current);
    };
    document.addEventListener("click", cancelPendingSearch, true);
    return () => {
      document.removeEventListener("click", cancelPendingSearch, true);
      clearTimeout(timer.current);
    };
  }, []);

  function navigate(value: string) {
    const params = new URLSearchParams(searchParams.toString());
    params.delete("page");
    if (value.trim()) params.set("q", value.trim());
    else params.delete("q");
    const search = params.toString();
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname));
  }

  function onChange(value: string) {
    setQuery(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => navigate(value), DEBOUNCE_MS);
  }

  return (
    <form
      role="search"
      action={pathname}
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        navigate(query);
      }}
    >
      <label htmlFor="subject-search" className="mb-1 block text-sm font-medium text-slate-900">
        Search subjects
      </label>
      <div className="relative max-w-xl">
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500"
        />
        <input
          id="subject-search"
          name="q"
          type="search"
          value={query}
          maxLength={SUBJECT_SEARCH_MAX_LENGTH}
          onChange={(event) => onChange(event.target.value)}
          placeholder="Record number, name, date of birth, email or phone"
          aria-describedby="subject-search-hint"
          autoComplete="off"
          autoFocus
          className="min-h-11 w-full rounded-md border border-slate-400 bg-white py-2 pr-3 pl-10 text-base focus-visible:border-blue-700 focus-visible:outline-2 focus-visible:outline-blue-700"
        />
      </div>
      <p
        id="subject-search-hint"
        aria-live="polite"
        className="mt-1 min-h-5 text-sm text-slate-600"
      >
        {isPending
          ? "Searching…"
          : "Dates of birth as 5/17/1984 or 1984-05-17. Misspelled names are corrected."}
      </p>
    </form>
  );
}
