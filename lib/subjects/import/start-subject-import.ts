import "server-only";

import { SubjectImportStatus } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import type { ImportMapping } from "@/lib/subjects/import/import-fields";
import { getSubjectImport } from "@/lib/subjects/import/subject-import-access";
import { sendSubjectImportJob } from "@/lib/subjects/import/subject-import-queue";

export type StartSubjectImportOptions = {
  viewer: Viewer;
  importId: string;
  mapping: ImportMapping;
  /** false: only keep the mapping (a new preview). */
  shouldRun: boolean;
};

/** Keeps the mapping (for this import and as the clinic's next default), then queues the run. */
export async function startSubjectImport(options: StartSubjectImportOptions): Promise<void> {
  const found = await getSubjectImport(options.viewer, options.importId);
  const { organizationId } = options.viewer;
  const [moved] = await db.$transaction([
    db.subjectImport.updateMany({
      where: { id: found.id, status: SubjectImportStatus.UPLOADED },
      data: {
        mapping: options.mapping,
        status: options.shouldRun ? SubjectImportStatus.QUEUED : SubjectImportStatus.UPLOADED,
      },
    }),
    db.subjectImportMapping.upsert({
      where: { organizationId },
      create: { organizationId, mapping: options.mapping },
      update: { mapping: options.mapping },
    }),
  ]);
  if (moved.count === 0) throw new AppError("conflict", "This import has already started.");
  if (options.shouldRun) await sendSubjectImportJob(found.id);
}
