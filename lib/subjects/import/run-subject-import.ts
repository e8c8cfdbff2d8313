import "server-only";

import { SubjectImportStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db/db";
import { AppError } from "@/lib/errors";
import { sqlOf } from "@/lib/db/sql";
import type { CsvSeparator } from "@/lib/subjects/import/csv-format";
import {
  buildClaimRecordsSql,
  buildTakenEmailsSql,
  buildUpsertSubjectsSql,
  type TakenEmailRow,
  type UpsertRow,
} from "@/lib/subjects/import/import-batch.sql";
import {
  buildRowFields,
  importMappingSchema,
  type ImportMapping,
} from "@/lib/subjects/import/import-fields";
import { readCsv } from "@/lib/subjects/import/read-csv";
import { storedImportBytes } from "@/lib/subjects/import/subject-import-access";
import type { DateOrder } from "@/lib/subjects/date-of-birth";
import { buildSubjectFieldsSchema, type SubjectFields } from "@/lib/subjects/schemas";

// The import job: re-reads the stored upload, skips the rows before the checkpoint, and commits
// each batch with its subjects, refusals, counts and the new checkpoint in one transaction. A
// killed run resumes at the last committed batch and never applies a row twice.

export const IMPORT_BATCH_ROWS = 2_000;

export type RunSubjectImportOptions = { importId: string; signal?: AbortSignal };
type Row = { rowNumber: number; cells: string[] };
type Run = { id: string; organizationId: string; mapping: ImportMapping; dateOrder: DateOrder };

/** Runs (or resumes) one import; returns false when stopped by the signal before the end. */
export async function runSubjectImport(options: RunSubjectImportOptions): Promise<boolean> {
  const found = await db.subjectImport.findUnique({ where: { id: options.importId } });
  if (!found || found.status === SubjectImportStatus.DONE) return true;
  if (found.status === SubjectImportStatus.UPLOADED) return true;
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: found.organizationId },
    select: { dateOrder: true },
  });
  const run: Run = {
    id: found.id,
    organizationId: found.organizationId,
    mapping: importMappingSchema.parse(found.mapping),
    dateOrder: organization.dateOrder,
  };
  await db.subjectImport.update({
    where: { id: run.id },
    data: { status: SubjectImportStatus.RUNNING },
  });
  let dataRow = 0;
  let batch: Row[] = [];
  let isHeader = true;
  const records = readCsv(storedImportBytes(run.id), undefined, found.separator as CsvSeparator);
  for await (const cells of records) {
    if (isHeader) {
      isHeader = false;
      continue;
    }
    if (dataRow++ < found.doneRows) continue;
    batch.push({ rowNumber: dataRow + 1, cells });
    if (batch.length < IMPORT_BATCH_ROWS) continue;
    await db.$transaction((tx) => applyBatch(tx, run, batch), { timeout: 60_000 });
    batch = [];
    if (options.signal?.aborted) return false;
  }
  await db.$transaction(
    async (tx) => {
      if (batch.length) await applyBatch(tx, run, batch);
      else await claimBatch(tx, run.id, dataRow, 0);
      await finishRun(tx, run.id);
    },
    { timeout: 60_000 },
  );
  return true;
}

async function applyBatch(tx: Tx, run: Run, rows: Row[]): Promise<void> {
  await claimBatch(tx, run.id, (rows[0]?.rowNumber ?? 2) - 2, rows.length);
  const sql = sqlOf(tx);
  const refusals: { rowNumber: number; reasons: string; cells: string[] }[] = [];
  const valid: { row: Row; fields: SubjectFields }[] = [];
  const today = new Date();
  const schema = buildSubjectFieldsSchema(today);
  for (const row of rows) {
    const result = buildRowFields(row.cells, run.mapping, run.dateOrder, today, schema);
    if (result.ok) valid.push({ row, fields: result.fields });
    else refusals.push({ ...row, reasons: result.reasons.join("; ") });
  }
  const claimed = new Set(
    (
      await sql.query<{ recordNumber: string }>(
        buildClaimRecordsSql(run.id, [...new Set(valid.map((v) => v.fields.recordNumber))]),
      )
    ).map((r) => r.recordNumber),
  );
  const emails = valid.flatMap((v) => (v.fields.email ? [v.fields.email] : []));
  const taken = emails.length
    ? await sql.query<TakenEmailRow>(buildTakenEmailsSql(run.organizationId, emails))
    : [];
  const emailOwner = new Map(taken.map((t) => [t.email, t.recordNumber]));
  const upserts: SubjectFields[] = [];
  for (const { row, fields } of valid) {
    const owner = fields.email ? emailOwner.get(fields.email) : undefined;
    const reason = !claimed.delete(fields.recordNumber)
      ? "Record number: another row of this file has the same record number."
      : owner !== undefined && owner !== fields.recordNumber
        ? "Email: another subject has this email address."
        : null;
    if (reason) refusals.push({ ...row, reasons: reason });
    else {
      upserts.push(fields);
      if (fields.email) emailOwner.set(fields.email, fields.recordNumber);
    }
  }
  const changed = upserts.length
    ? await sql.query<UpsertRow>(buildUpsertSubjectsSql(run.organizationId, upserts))
    : [];
  const created = changed.filter((c) => c.inserted).length;
  if (refusals.length)
    await tx.subjectImportRefusal.createMany({
      data: refusals.map((r) => ({ importId: run.id, ...r })),
    });
  await tx.subjectImport.update({
    where: { id: run.id },
    data: {
      created: { increment: created },
      updated: { increment: changed.length - created },
      unchanged: { increment: upserts.length - changed.length },
      refused: { increment: refusals.length },
    },
  });
}

/**
 * Moves the checkpoint first, only from where this batch starts: the row stays locked until commit,
 * so a second worker on the same import (a retried job) waits, then finds it moved and stops.
 */
async function claimBatch(tx: Tx, importId: string, from: number, rows: number): Promise<void> {
  const { count } = await tx.subjectImport.updateMany({
    where: { id: importId, doneRows: from },
    data: { doneRows: from + rows },
  });
  if (count === 0) throw new AppError("conflict", "Another worker has taken this import.");
}

async function finishRun(tx: Tx, importId: string): Promise<void> {
  const done = await tx.subjectImport.update({
    where: { id: importId },
    data: { status: SubjectImportStatus.DONE, finishedAt: new Date() },
    select: { organizationId: true, createdById: true, created: true, updated: true },
  });
  const counts = await tx.subjectImport.findUniqueOrThrow({
    where: { id: importId },
    select: { totalRows: true, created: true, updated: true, unchanged: true, refused: true },
  });
  const user = await tx.user.findUniqueOrThrow({
    where: { id: done.createdById },
    select: { role: true },
  });
  await recordAudit(tx, {
    actor: { id: done.createdById, role: user.role, organizationId: done.organizationId, ip: null },
    action: "subject.import",
    targetType: "subject_import",
    targetId: importId,
    details: counts,
  });
}
