import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/db";
import { exportRefusedRows } from "@/lib/subjects/import/export-refused-rows";
import { previewSubjectImport } from "@/lib/subjects/import/preview-subject-import";
import { runSubjectImport } from "@/lib/subjects/import/run-subject-import";
import { startSubjectImport } from "@/lib/subjects/import/start-subject-import";
import { storeImportUpload } from "@/lib/subjects/import/store-import-upload";
import { parseCsv } from "@/tests/support/parse-csv";
import { createClinic } from "@/tests/support/viewers";
import { appErrorOf } from "@/tests/support/app-error";

const FILE =
  'id,given,family,dob\r\nA1,Ana,Lopez,17.05.1984\r\nA2,"=HYPERLINK(""http://x"")",Lopez,1984-05-17\r\n';

async function uploaded() {
  const { viewers } = await createClinic(db);
  const { admin, provider } = viewers;
  await db.organization.update({ where: { id: admin.organizationId }, data: { dateOrder: "DMY" } });
  const stored = await storeImportUpload({
    organizationId: admin.organizationId,
    createdById: admin.id,
    file: new Blob([FILE]).stream(),
  });
  return { admin, provider, importId: stored.importId };
}

const MAPPING = { recordNumber: 0, firstName: 1, lastName: 2, dateOfBirth: 3 };

describe("the import's mapping, run and refused rows, as an admin sees them", () => {
  it("previews with the clinic's date order, remembers the mapping, exports refused rows defused", async () => {
    const { admin, importId } = await uploaded();
    const first = await previewSubjectImport({ viewer: admin, importId });
    expect(first).toMatchObject({ mapping: MAPPING, mappingError: null });
    await startSubjectImport({ viewer: admin, importId, mapping: MAPPING, shouldRun: false });
    const second = await previewSubjectImport({ viewer: admin, importId });
    expect(second.preview.map((row) => row.errors.length)).toEqual([0, 1]);
    await startSubjectImport({ viewer: admin, importId, mapping: MAPPING, shouldRun: true });
    expect(
      (
        await appErrorOf(
          startSubjectImport({ viewer: admin, importId, mapping: MAPPING, shouldRun: true }),
        )
      ).code,
    ).toBe("conflict");
    await runSubjectImport({ importId });
    const subject = await db.subject.findFirstOrThrow({
      where: { organizationId: admin.organizationId, recordNumber: "A1" },
      select: { dateOfBirth: true },
    });
    expect(subject.dateOfBirth.toISOString().slice(0, 10)).toBe("1984-05-17");

    const csv = await exportRefusedRows({ viewer: admin, importId });
    const text = await new Response(csv.stream).text();
    const rows = parseCsv(text.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["Row", "id", "given", "family", "dob", "Reasons"]);
    expect(rows[1]?.[2]).toBe(`'=HYPERLINK("http://x")`);

    const upload = () =>
      storeImportUpload({
        organizationId: admin.organizationId,
        createdById: admin.id,
        file: new Blob([FILE]).stream(),
      });
    const swapped = { ...MAPPING, firstName: 2, lastName: 1 };
    const next = await upload();
    await startSubjectImport({
      viewer: admin,
      importId: next.importId,
      mapping: swapped,
      shouldRun: false,
    });
    const third = await upload();
    expect(
      (await previewSubjectImport({ viewer: admin, importId: third.importId })).mapping,
    ).toEqual(swapped);
  });

  it("another clinic's import is not found; the care team may not import", async () => {
    const { importId, provider } = await uploaded();
    const other = await createClinic(db);
    expect(
      (await appErrorOf(previewSubjectImport({ viewer: other.viewers.admin, importId }))).code,
    ).toBe("not_found");
    expect(
      (await appErrorOf(exportRefusedRows({ viewer: other.viewers.admin, importId }))).code,
    ).toBe("not_found");
    expect((await appErrorOf(previewSubjectImport({ viewer: provider, importId }))).code).toBe(
      "forbidden",
    );
  });
});
