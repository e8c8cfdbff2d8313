import type { Metadata } from "next";
import Link from "next/link";

import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";

import { SubjectSearch } from "./subject-search";

export const metadata: Metadata = { title: "Subjects" };

export default async function SubjectsPage() {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  return (
    <>
      <PageHeader
        title="Subjects"
        description="Find a patient to open their record and video visits."
        actions={
          <div className="flex flex-wrap gap-2">
            {viewer.role === Role.ADMIN ? (
              <Link href="/settings/import" className={buttonClasses("secondary")}>
                Import subjects
              </Link>
            ) : null}
            <Link href="/subjects/new" className={buttonClasses("primary")}>
              Add subject
            </Link>
          </div>
        }
      />
      <SubjectSearch />
    </>
  );
}
