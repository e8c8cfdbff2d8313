"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { type SubjectSearchParams, subjectSearchParamsSchema } from "@/lib/subjects/schemas";

// The subject search's state (query, filters, sort, page) lives in the history entry's state, not
// in the URL: names, dates of birth and phone numbers never reach the address bar, the browser's
// history list, or a proxy's request log (decision 029). Back, Forward and reload restore it,
// since the browser keeps each entry's state.

const KEY = "subjectSearch";
const DEFAULTS = subjectSearchParamsSchema.parse({});

/** The entry's own state (Next.js keeps its router tree there too), as an object. */
function entryState(entry: unknown): Record<string, unknown> {
  return typeof entry === "object" && entry !== null ? { ...entry } : {};
}

function stateOf(entry: unknown): SubjectSearchParams | null {
  const parsed = subjectSearchParamsSchema.safeParse(entryState(entry)[KEY]);
  return parsed.success ? parsed.data : null;
}

/** An old bookmark's `?q=…` is read once and moved into the state; the URL loses it. */
function fromLegacyUrl(): SubjectSearchParams {
  const url = new URL(window.location.href);
  const params = subjectSearchParamsSchema.parse(Object.fromEntries(url.searchParams));
  if (url.search) window.history.replaceState({ [KEY]: params }, "", url.pathname);
  return params;
}

export type SearchHistoryMode = "push" | "replace";

/**
 * The search state (null until read after hydration), how many times it was restored from
 * history (the search box starts afresh each time), and how to change it: "push" makes a new
 * history entry, to which Back returns.
 */
export function useSearchHistory(): {
  params: SubjectSearchParams | null;
  restored: number;
  update: (changes: Partial<SubjectSearchParams>, mode: SearchHistoryMode) => void;
} {
  const [params, setParams] = useState<SubjectSearchParams | null>(null);
  const [restored, setRestored] = useState(0);
  const latest = useRef<SubjectSearchParams>(DEFAULTS);

  useEffect(() => {
    const restore = (saved: SubjectSearchParams) => {
      latest.current = saved;
      setParams(saved);
      setRestored((count) => count + 1);
    };
    // Read after hydration: the server renders no results, whatever the browser's state.
    restore(stateOf(window.history.state) ?? fromLegacyUrl());
    // Back to another page is the router's business: no search for an entry that is not ours.
    const pathname = window.location.pathname;
    const onPopState = (event: PopStateEvent) => {
      if (window.location.pathname === pathname) restore(stateOf(event.state) ?? DEFAULTS);
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const update = useCallback((changes: Partial<SubjectSearchParams>, mode: SearchHistoryMode) => {
    const next = { ...latest.current, ...changes };
    const entry = { ...entryState(window.history.state), [KEY]: next };
    if (mode === "push") window.history.pushState(entry, "");
    else window.history.replaceState(entry, "");
    latest.current = next;
    setParams(next);
  }, []);

  return { params, restored, update };
}
