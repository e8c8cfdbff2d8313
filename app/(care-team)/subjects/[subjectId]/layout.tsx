import type { ReactNode } from "react";

import { SubjectTabs } from "@/components/subjects/subject-tabs";
import { formatDateOfBirth } from "@/lib/format";

import { loadSubject } from "./load-subject";

type SubjectLayoutProps = { children: ReactNode; params: Promise<{ subjectId: string }> };

export default async function SubjectLayout({ children, params }: SubjectLayoutProps) {
  const { subject } = await loadSubject((await params).subjectId);
  return (
    <>
      <div className="mb-4">
        <h1 className="text-2xl font-bold">
          {subject.firstName} {subject.lastName}
        </h1>
        <p className="text-slate-700">
          Record {subject.recordNumber} · Born {formatDateOfBirth(subject.dateOfBirth)}
        </p>
      </div>
      <SubjectTabs subjectId={subject.id} />
      <div className="pt-6">{children}</div>
    </>
  );
}
