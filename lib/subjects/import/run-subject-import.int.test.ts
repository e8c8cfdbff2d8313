import { describe, expect, it } from "vitest";

import { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { createJobBoss, registerJobs } from "@/lib/jobs/background-jobs";
import { guessImportMapping } from "@/lib/subjects/import/import-fields";
import { runSubjectImport } from "@/lib/subjects/import/run-subject-import";
import { storeImportUpload } from "@/lib/subjects/import/store-import-upload";
import { createOrganization, createUser } from "@/prisma/factories";

const HEADER = "Record number;First name;Last name;DOB;Email\r\n";

function rows(count: number, from = 1): string {
  let text = "";
  for (let i = from; i < from + count; i++)
    text += `IMP${i};Ana${i};"Lopez; ${i}";05/17/1984;ana${i}@example.org\r\n`;
  return text;
}

function stream(text: string | Uint8Array): ReadableStream<Uint8Array> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  return new Blob([bytes as BlobPart]).stream();
}

async function clinic() {
  const organization = await createOrganization(db);
  const admin = await createUser(db, { organizationId: organization.id, role: Role.ADMIN });
  return { organizationId: organization.id, createdById: admin.id };
}

async function upload(who: Awaited<ReturnType<typeof clinic>>, text: string | Uint8Array) {
  const stored = await storeImportUpload({ ...who, file: stream(text) });
  await db.subjectImport.update({
    where: { id: stored.importId },
    data: { mapping: guessImportMapping(stored.header), status: "QUEUED" },
  });
  return stored;
}

const counts = (importId: string) =>
  db.subjectImport.findUniqueOrThrow({
    where: { id: importId },
    select: {
      status: true,
      doneRows: true,
      created: true,
      updated: true,
      unchanged: true,
      refused: true,
    },
  });

describe("runSubjectImport", () => {
  it("upserts by record number: a re-import changes nothing, a changed row updates", async () => {
    const who = await clinic();
    const first = await upload(
      who,
      `\uFEFF${HEADER}${rows(5)}IMP1;Dup;Row;01/01/1990;\r\n=X;=HYPERLINK(1);B;99/99/1990;\r\n`,
    );
    expect(first.preview[0]).toEqual([
      "IMP1",
      "Ana1",
      "Lopez; 1",
      "05/17/1984",
      "ana1@example.org",
    ]);
    await runSubjectImport({ importId: first.importId });
    expect(await counts(first.importId)).toMatchObject({ status: "DONE", created: 5, refused: 2 });
    const refusals = await db.subjectImportRefusal.findMany({
      where: { importId: first.importId },
    });
    expect(refusals.map((r) => r.reasons).join("\n")).toMatch(/same record number/);
    expect(refusals.map((r) => r.reasons).join("\n")).toMatch(/must not start with/);

    const again = await upload(who, `${HEADER}${rows(5)}`.replace("Ana2;", "Anna2;"));
    await runSubjectImport({ importId: again.importId });
    expect(await counts(again.importId)).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    expect(await db.subject.count({ where: { organizationId: who.organizationId } })).toBe(5);
    const audit = await db.auditEvent.count({
      where: { organizationId: who.organizationId, action: "subject.import" },
    });
    expect(audit).toBe(2);
  });

  it("resumes a stopped run at its checkpoint without doubling a row", async () => {
    const who = await clinic();
    const stored = await upload(who, `${HEADER}${rows(5000)}`);
    const stop = new AbortController();
    stop.abort();
    expect(await runSubjectImport({ importId: stored.importId, signal: stop.signal })).toBe(false);
    expect((await counts(stored.importId)).doneRows).toBe(2000);
    expect(await runSubjectImport({ importId: stored.importId })).toBe(true);
    expect(await counts(stored.importId)).toMatchObject({
      doneRows: 5000,
      created: 5000,
      refused: 0,
    });
    expect(await db.subject.count({ where: { organizationId: who.organizationId } })).toBe(5000);
  });

  it("two workers on one import (a retried job) still apply each row once", async () => {
    const who = await clinic();
    const stored = await upload(who, `${HEADER}${rows(6000)}`);
    const results = await Promise.allSettled([
      runSubjectImport({ importId: stored.importId }),
      runSubjectImport({ importId: stored.importId }),
    ]);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    await runSubjectImport({ importId: stored.importId });
    expect(await counts(stored.importId)).toMatchObject({ status: "DONE", created: 6000 });
    expect(await db.subject.count({ where: { organizationId: who.organizationId } })).toBe(6000);
  });

  it("after a restart the workers pick up a run left unfinished and finish it", async () => {
    const who = await clinic();
    const stored = await upload(who, `${HEADER}${rows(4500)}`);
    const stop = new AbortController();
    stop.abort();
    await runSubjectImport({ importId: stored.importId, signal: stop.signal });
    const boss = createJobBoss(process.env.DATABASE_URL ?? "");
    await boss.start();
    try {
      await registerJobs(boss);
      await expect
        .poll(async () => (await counts(stored.importId)).status, { timeout: 20_000 })
        .toBe("DONE");
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect(await counts(stored.importId)).toMatchObject({ doneRows: 4500, created: 4500 });
  });

  it.each([
    ["", /no rows/],
    [HEADER, /no rows/],
    [`${HEADER}IMP1;"Ana;Lopez;05/17/1984;\r\n`, /never closed/],
    [new Uint8Array([0x52, 0x4e, 0x0a, 0xff, 0xfe, 0x41]), /not UTF-8/],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /not text/],
    [
      `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",")}\n1\n`,
      /more than 100 columns/,
    ],
  ])("refuses a bad file with a clear message (%#)", async (text, message) => {
    const who = await clinic();
    await expect(storeImportUpload({ ...who, file: stream(text) })).rejects.toThrow(message);
    expect(await db.subjectImport.count({ where: { organizationId: who.organizationId } })).toBe(0);
  });
});
