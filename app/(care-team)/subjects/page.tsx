import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/ui/page-header";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";

import { SubjectSearch } from "./subject-search";

export const metadata: Metadata = { title: "Subjects" };

export default async function SubjectsPage() {
  await requireRole(Role.CARE_TEAM, Role.ADMIN);
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
      <SubjectSearch />
    </>
  );
}
