import type { SubjectSearchParams, SubjectSort } from "@/lib/subjects/schemas";

export type SortableColumn = Exclude<SubjectSort, "relevance">;

/** Sorting by a column starts on page 1; sorting again by the current column reverses it. */
export function sortChange(
  params: SubjectSearchParams,
  column: SortableColumn,
): Pick<SubjectSearchParams, "sort" | "dir" | "page"> {
  const dir = params.sort === column && params.dir === "asc" ? "desc" : "asc";
  return { sort: column, dir, page: 1 };
}
