import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import {
  buildRowFields,
  guessImportMapping,
  type ImportMapping,
  importMappingSchema,
} from "@/lib/subjects/import/import-fields";
import { getSubjectImport, readStoredRows } from "@/lib/subjects/import/subject-import-access";

// The mapping step: the file's columns, the mapping to offer (this import's, else the clinic's
// last one if the columns fit, else a guess from the header), and the first rows with their errors.

const PREVIEW_ROWS = 10;

export type PreviewSubjectImportOptions = { viewer: Viewer; importId: string };

export async function previewSubjectImport({ viewer, importId }: PreviewSubjectImportOptions) {
  const found = await getSubjectImport(viewer, importId);
  const { header, rows } = await readStoredRows(found.id, found.separator, PREVIEW_ROWS);
  const mapping = await offeredMapping(viewer.organizationId, found.mapping, header);
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: viewer.organizationId },
    select: { dateOrder: true },
  });
  const checked = importMappingSchema.safeParse(mapping);
  const preview = rows.map((cells) => ({
    cells,
    errors: checked.success
      ? (() => {
          const result = buildRowFields(cells, checked.data, organization.dateOrder);
          return result.ok ? [] : result.reasons;
        })()
      : [],
  }));
  return {
    import: found,
    header,
    mapping,
    mappingError: checked.success ? null : (checked.error.issues[0]?.message ?? null),
    preview,
  };
}

async function offeredMapping(
  organizationId: string,
  own: unknown,
  header: string[],
): Promise<Partial<ImportMapping>> {
  const parsedOwn = importMappingSchema.safeParse(own);
  if (parsedOwn.success) return parsedOwn.data;
  const saved = await db.subjectImportMapping.findUnique({
    where: { organizationId },
    select: { mapping: true },
  });
  const parsedSaved = importMappingSchema.safeParse(saved?.mapping);
  const fits =
    parsedSaved.success &&
    Object.values(parsedSaved.data).every((column) => column < header.length);
  return fits ? parsedSaved.data : guessImportMapping(header);
}
