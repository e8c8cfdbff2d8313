import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";

import { SubjectFilters } from "@/components/subjects/subject-filters";
import { SubjectSearchBox } from "@/components/subjects/subject-search-box";
import { PageHeader } from "@/components/ui/page-header";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { subjectSearchParamsSchema } from "@/lib/subjects/schemas";
import { subjectSearchHref } from "@/lib/subjects/search-url";

import { SubjectResults, SubjectResultsSkeleton } from "./subject-results";

export const metadata: Metadata = { title: "Subjects" };

type SubjectsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SubjectsPage({ searchParams }: SubjectsPageProps) {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const params = subjectSearchParamsSchema.parse(await searchParams);
  return (
    <>
      <PageHeader
        title="Subjects"
        description="Find a patient to open their record and video visits."
        actions={
          <Link
            href="/subjects/new"
            className="inline-flex min-h-10 items-center rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
          >
            Add subject
          </Link>
        }
      />
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <SubjectSearchBox initialQuery={params.q} />
        </div>
        <SubjectFilters portal={params.portal} upcoming={params.upcoming} />
      </div>
      <Suspense key={subjectSearchHref(params)} fallback={<SubjectResultsSkeleton />}>
        <SubjectResults viewer={viewer} params={params} />
      </Suspense>
    </>
  );
}
