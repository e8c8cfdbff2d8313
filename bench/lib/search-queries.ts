// The subject searches the benchmarks send, by kind: the i-th query of each kind, so that a run is
// repeatable and the 1M-subject seed has matches (record numbers, dates of birth, names with typos).

export const SEARCH_QUERIES = {
  "record number (prefix)": (i: number) =>
    `RFC-0${String(100_000 + ((i * 7919) % 899_999)).slice(0, 5)}`,
  "name with a typo": (i: number) =>
    ["maria lopze", "jmaes smith", "olivia jonhson", "aisha khna", "wei zhagn"][i % 5] ?? "",
  "full name": (i: number) =>
    ["maria lopez", "james smith", "olivia johnson", "aisha khan", "wei zhang"][i % 5] ?? "",
  "date of birth": (i: number) => `${1940 + (i % 60)}-0${1 + (i % 9)}-1${i % 9}`,
  "phone number": (i: number) =>
    `(555) ${String((i * 31) % 1000).padStart(3, "0")}-${String(i % 10_000).padStart(4, "0")}`,
  "record number (digits)": (i: number) => `rfc${1 + ((i * 7919) % 999_999)}`,
  "date of birth (as typed)": (i: number) =>
    `${1 + (i % 9)}/1${i % 9}/${String(40 + (i % 60)).padStart(2, "0")}`,
} satisfies Record<string, (i: number) => string>;

/** The kinds issue 7 measures over HTTP. */
export const HTTP_SEARCH_KINDS = [
  "record number (prefix)",
  "name with a typo",
  "date of birth",
] as const satisfies readonly (keyof typeof SEARCH_QUERIES)[];

/** The kind the search page is measured with: the care team's typing, corrected. */
export const SEARCH_PAGE_KIND = "name with a typo" as const satisfies keyof typeof SEARCH_QUERIES;
