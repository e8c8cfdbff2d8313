import { SubjectTable } from "@/components/subjects/subject-table";
import { Alert } from "@/components/ui/alert";
import { IntentLink } from "@/components/ui/intent-link";
import type { Viewer } from "@/lib/auth/types";
import { SUBJECTS_MAX_PAGE } from "@/lib/subjects/constants";
import type { SubjectSearchParams } from "@/lib/subjects/schemas";
import { searchSubjects } from "@/lib/subjects/search-subjects";
import { subjectSearchHref, subjectSortHref } from "@/lib/subjects/search-url";

const pageLink =
  "rounded-md border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-50";

export async function SubjectResults({
  viewer,
  params,
}: {
  viewer: Viewer;
  params: SubjectSearchParams;
}) {
  const result = await searchSubjects({ ...params, viewer });
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
    hrefs: {
      record: subjectSortHref(params, "record"),
      name: subjectSortHref(params, "name"),
      dob: subjectSortHref(params, "dob"),
    },
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
            <IntentLink
              className={pageLink}
              href={subjectSearchHref(params, { page: result.page - 1 })}
            >
              Previous
            </IntentLink>
          ) : null}
          {result.hasNextPage && result.page < SUBJECTS_MAX_PAGE ? (
            <IntentLink
              className={pageLink}
              href={subjectSearchHref(params, { page: result.page + 1 })}
            >
              Next
            </IntentLink>
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
