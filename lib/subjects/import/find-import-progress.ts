import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import {
  assertImportAdmin,
  importProgressSelect,
} from "@/lib/subjects/import/subject-import-access";
import type { ImportProgress } from "@/lib/subjects/import/types";

/** An import's state and counts (no personal data), or null when the viewer's clinic has none such. */
export async function findImportProgress(
  viewer: Viewer,
  importId: string,
): Promise<ImportProgress | null> {
  assertImportAdmin(viewer);
  return db.subjectImport.findFirst({
    where: { id: importId, organizationId: viewer.organizationId },
    select: importProgressSelect,
  });
}
