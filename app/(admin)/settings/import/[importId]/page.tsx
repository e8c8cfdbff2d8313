import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ImportMappingForm } from "@/components/subjects/import/import-mapping-form";
import { ImportProgress } from "@/components/subjects/import/import-progress";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Role, SubjectImportStatus } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS } from "@/lib/subjects/import/import-fields";
import { findImportProgress } from "@/lib/subjects/import/find-import-progress";
import { previewSubjectImport } from "@/lib/subjects/import/preview-subject-import";
import { subjectImportParamsSchema } from "@/lib/subjects/import/schemas";

import { mapImportAction } from "../actions";

export const metadata: Metadata = { title: "Import subjects" };

type ImportPageProps = { params: Promise<{ importId: string }> };

export default async function ImportPage({ params }: ImportPageProps) {
  const viewer = await requireRole(Role.ADMIN);
  const parsed = subjectImportParamsSchema.safeParse(await params);
  const progress = parsed.success ? await findImportProgress(viewer, parsed.data.importId) : null;
  if (!progress) notFound();
  const header = <PageHeader title="Import subjects" />;
  if (progress.status !== SubjectImportStatus.UPLOADED)
    return (
      <>
        {header}
        <Card>
          <ImportProgress initial={progress} />
        </Card>
      </>
    );
  const step = await previewSubjectImport({ viewer, importId: progress.id });
  return (
    <>
      {header}
      <Card>
        <p className="mb-4">
          {progress.totalRows.toLocaleString("en-US")} rows in the file. Map its columns, check the
          preview, then run the import.
        </p>
        <ImportMappingForm
          importId={progress.id}
          fields={IMPORT_FIELDS.map((name) => ({ name, label: IMPORT_FIELD_LABELS[name] }))}
          header={step.header}
          mapping={step.mapping}
          mappingError={step.mappingError}
          preview={step.preview}
          action={mapImportAction}
        />
      </Card>
    </>
  );
}
