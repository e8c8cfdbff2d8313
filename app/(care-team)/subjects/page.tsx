import type { Metadata } from "next";

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
      />
      <SubjectSearch />
    </>
  );
}
