import "server-only";

import { Role } from "@/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/types";
import { db } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { type CsvSeparator } from "@/lib/subjects/import/csv-format";
import { readCsv } from "@/lib/subjects/import/read-csv";

// Who may see an import (an admin of its clinic; another clinic's import is "not found"), and the
// stored file read back from its chunks.

export function assertImportAdmin(viewer: Viewer): void {
  if (viewer.role !== Role.ADMIN) throw new AppError("forbidden", "Only administrators import");
}

/** An import's state and counts, with no personal data (what its progress shows). */
export const importProgressSelect = {
  id: true,
  status: true,
  totalRows: true,
  doneRows: true,
  created: true,
  updated: true,
  unchanged: true,
  refused: true,
} as const;

export const subjectImportSelect = {
  ...importProgressSelect,
  separator: true,
  mapping: true,
  failure: true,
} as const;

export async function getSubjectImport(viewer: Viewer, importId: string) {
  assertImportAdmin(viewer);
  const found = await db.subjectImport.findFirst({
    where: { id: importId, organizationId: viewer.organizationId },
    select: subjectImportSelect,
  });
  if (!found) throw new AppError("not_found", "Import not found");
  return found;
}

export async function* storedImportBytes(importId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const chunk = await db.subjectImportChunk.findUnique({
      where: { importId_seq: { importId, seq } },
      select: { data: true },
    });
    if (!chunk) return;
    yield chunk.data;
  }
}

/** The header and the first data rows of a stored upload. */
export async function readStoredRows(importId: string, separator: string, count: number) {
  const records: string[][] = [];
  for await (const record of readCsv(
    storedImportBytes(importId),
    undefined,
    separator as CsvSeparator,
  )) {
    records.push(record);
    if (records.length > count) break;
  }
  return { header: records[0] ?? [], rows: records.slice(1) };
}
