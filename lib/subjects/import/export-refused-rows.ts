import "server-only";

import type { Viewer } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/db";
import { toCsvRow } from "@/lib/reports/csv";
import { getSubjectImport, readStoredRows } from "@/lib/subjects/import/subject-import-access";

// The refused rows of an import as CSV: the file's own columns, then the reasons. Cells that a
// spreadsheet would run as a formula (=HYPERLINK(…)) are defused by toCsvRow. Read in keyset pages.

const PAGE = 1_000;

/** Short rows get empty cells, so the reasons stay in their column. */
function padded(cells: string[], width: number): string[] {
  return [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill("")];
}

export type ExportRefusedRowsOptions = { viewer: Viewer; importId: string };

export async function exportRefusedRows({ viewer, importId }: ExportRefusedRowsOptions) {
  const found = await getSubjectImport(viewer, importId);
  const { header } = await readStoredRows(found.id, found.separator, 0);
  await recordAudit(db, {
    actor: viewer,
    action: "subject.import_refused_export",
    targetType: "subject_import",
    targetId: found.id,
    details: { refused: found.refused },
  });
  const encoder = new TextEncoder();
  let after = 0;
  let isHeaderSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${toCsvRow(["Row", ...header, "Reasons"])}`));
        return;
      }
      const page = await db.subjectImportRefusal.findMany({
        where: { importId: found.id, rowNumber: { gt: after } },
        orderBy: { rowNumber: "asc" },
        select: { rowNumber: true, cells: true, reasons: true },
        take: PAGE,
      });
      if (!page.length) return controller.close();
      after = page[page.length - 1]?.rowNumber ?? after;
      const text = page
        .map((r) =>
          toCsvRow([r.rowNumber, ...padded(r.cells as string[], header.length), r.reasons]),
        )
        .join("");
      controller.enqueue(encoder.encode(text));
    },
  });
  return { filename: `refused-rows-${found.id}.csv`, stream };
}
