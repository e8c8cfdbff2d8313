import type { Metadata } from "next";

import { ImportUploadForm } from "@/components/subjects/import/import-upload-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Import subjects" };

export default async function ImportSubjectsPage() {
  await requireRole(Role.ADMIN);
  return (
    <>
      <PageHeader
        title="Import subjects"
        description="Upload a CSV exported from your EHR or a spreadsheet. Rows are matched by record number: a new number adds a subject, a known one updates it."
      />
      <Card>
        <ImportUploadForm />
      </Card>
    </>
  );
}
