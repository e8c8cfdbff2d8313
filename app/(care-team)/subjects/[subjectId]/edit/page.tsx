import type { Metadata } from "next";

import { SubjectForm } from "@/components/subjects/subject-form";
import { Card } from "@/components/ui/card";
import { findDateOrder } from "@/lib/subjects/subject-form-input";

import { loadSubject } from "../load-subject";
import { editSubjectAction } from "./actions";

export const metadata: Metadata = { title: "Edit subject" };

type EditSubjectPageProps = { params: Promise<{ subjectId: string }> };

export default async function EditSubjectPage({ params }: EditSubjectPageProps) {
  const { viewer, subject } = await loadSubject((await params).subjectId);
  const dateOrder = await findDateOrder(viewer.organizationId);
  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold">Edit subject</h2>
      <SubjectForm
        action={editSubjectAction}
        subjectId={subject.id}
        hasPortalAccount={subject.user !== null}
        initial={{
          recordNumber: subject.recordNumber,
          firstName: subject.firstName,
          lastName: subject.lastName,
          dateOfBirth: subject.dateOfBirth.toISOString().slice(0, 10),
          email: subject.email ?? "",
          phone: subject.phone ?? "",
          preferredLanguage: subject.preferredLanguage,
        }}
        dateHint={dateOrder === "DMY" ? "For example 17/05/1984." : "For example 05/17/1984."}
        submitLabel="Save subject"
      />
    </Card>
  );
}
