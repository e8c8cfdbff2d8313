"use client";

import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";

import { SUBJECT_SEARCH_MAX_LENGTH } from "@/lib/subjects/constants";

const DEBOUNCE_MS = 300;

type SubjectSearchBoxProps = {
  initialQuery: string;
  /** Called ~300 ms after typing stops, or at once on Enter. */
  onSearch: (query: string) => void;
  isSearching: boolean;
};

/** The search input: debounced, and never in the URL (the caller keeps the query). */
export function SubjectSearchBox({ initialQuery, onSearch, isSearching }: SubjectSearchBoxProps) {
  const [query, setQuery] = useState(initialQuery);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // What was typed before the page hydrated fired no change event: search it now.
    const typed = input.current?.value ?? "";
    if (typed !== initialQuery) {
      setQuery(typed);
      onSearch(typed.trim());
    }
    // Once per mount: the box is remounted (keyed) whenever the search is restored.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    // A click on a link (say, a result already shown) before the pending search fires must not
    // be undone by that search replacing the results a moment later.
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

  function onChange(value: string) {
    setQuery(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onSearch(value.trim()), DEBOUNCE_MS);
  }

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        onSearch(query.trim());
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
          ref={input}
          id="subject-search"
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
        {isSearching
          ? "Searching…"
          : "Dates of birth as 5/17/1984, May 17 1984 or 1984-05-17. Misspelled names are corrected."}
      </p>
    </form>
  );
}
