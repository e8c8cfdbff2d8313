import type { Metadata } from "next";

import { SubjectForm } from "@/components/subjects/subject-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { findDateOrder } from "@/lib/subjects/subject-form-input";

import { addSubjectAction } from "./actions";

export const metadata: Metadata = { title: "Add subject" };

export default async function AddSubjectPage() {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const dateOrder = await findDateOrder(viewer.organizationId);
  return (
    <>
      <PageHeader title="Add subject" description="A patient of this clinic." />
      <Card>
        <SubjectForm
          action={addSubjectAction}
          initial={{ assignNextNumber: "on" }}
          dateHint={dateOrder === "DMY" ? "For example 17/05/1984." : "For example 05/17/1984."}
          submitLabel="Add subject"
        />
      </Card>
    </>
  );
}
