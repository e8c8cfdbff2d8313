import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";

import { SubjectFilters } from "@/components/subjects/subject-filters";
import { SubjectSearchBox } from "@/components/subjects/subject-search-box";
import { buttonClasses } from "@/components/ui/button";
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
          viewer.role === Role.ADMIN ? (
            <Link href="/settings/import" className={buttonClasses("secondary")}>
              Import subjects
            </Link>
          ) : null
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
