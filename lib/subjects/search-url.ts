import type { SubjectSearchParams, SubjectSort } from "@/lib/subjects/schemas";

// The subject search's state lives in the URL: these build its links, leaving defaults out.

export function subjectSearchHref(
  params: SubjectSearchParams,
  changes: Partial<SubjectSearchParams> = {},
): string {
  const next = { ...params, ...changes };
  const query = new URLSearchParams();
  if (next.q) query.set("q", next.q);
  if (next.sort !== "relevance") query.set("sort", next.sort);
  if (next.dir !== "asc") query.set("dir", next.dir);
  if (next.portal !== "any") query.set("portal", next.portal);
  if (next.upcoming) query.set("upcoming", "1");
  if (next.page > 1) query.set("page", String(next.page));
  const search = query.toString();
  return search ? `/subjects?${search}` : "/subjects";
}

/** Sorting by a column starts on page 1; sorting again by the current column reverses it. */
export function subjectSortHref(
  params: SubjectSearchParams,
  column: Exclude<SubjectSort, "relevance">,
): string {
  const dir = params.sort === column && params.dir === "asc" ? "desc" : "asc";
  return subjectSearchHref(params, { sort: column, dir, page: 1 });
}
