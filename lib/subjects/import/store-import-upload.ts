import "server-only";

import { db } from "@/lib/db/db";
import { readCsv } from "@/lib/subjects/import/read-csv";
import { AppError } from "@/lib/errors";
import type { CsvSeparator } from "@/lib/subjects/import/csv-format";

// The upload is kept in the database (SubjectImportChunk, 1 MB each; decision 028): every app
// instance and a restarted job read it there, and it is backed up and deleted with the import.

const CHUNK_BYTES = 1024 * 1024;
const PREVIEW_ROWS = 10;

export type StoreImportUploadOptions = {
  organizationId: string;
  createdById: string;
  file: ReadableStream<Uint8Array>;
};
export type StoredImportUpload = { importId: string; header: string[]; preview: string[][] };

/** Streams the file once: checks it, stores it in chunks, counts its data rows, keeps a preview. */
export async function storeImportUpload(
  options: StoreImportUploadOptions,
): Promise<StoredImportUpload> {
  const { id: importId } = await db.subjectImport.create({
    data: {
      organizationId: options.organizationId,
      createdById: options.createdById,
      separator: ",",
      totalRows: 0,
    },
    select: { id: true },
  });
  try {
    return { importId, ...(await storeAndCount(importId, options.file)) };
  } catch (error) {
    await db.subjectImport.delete({ where: { id: importId } });
    throw error;
  }
}

async function storeAndCount(importId: string, file: ReadableStream<Uint8Array>) {
  let seq = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (!pendingBytes) return;
    await db.subjectImportChunk.create({
      data: { importId, seq: seq++, data: Buffer.concat(pending) },
    });
    pending = [];
    pendingBytes = 0;
  };
  async function* storing(): AsyncGenerator<Uint8Array> {
    for await (const chunk of file as unknown as AsyncIterable<Uint8Array>) {
      yield chunk;
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
  }
  let separator: CsvSeparator = ",";
  let header: string[] | null = null;
  const preview: string[][] = [];
  let rows = 0;
  for await (const record of readCsv(storing(), (found) => (separator = found))) {
    if (!header) header = record;
    else if (rows++ < PREVIEW_ROWS) preview.push(record);
  }
  await flush();
  if (!header || rows === 0) {
    const message = "The file has no rows: it needs a header row and at least one row of data.";
    throw new AppError("bad_request", message, { userMessage: message });
  }
  await db.subjectImport.update({ where: { id: importId }, data: { separator, totalRows: rows } });
  return { header, preview };
}
