// The import row of `npm run bench`: 100,000 CSV rows (a tenth of them updates of subjects that
// exist) imported by the real job into the clinic that already has the bulk subjects, then a
// search by record number for every 1,000th imported row, which must list that subject. Run in its own
// process (`--conditions=react-server`, for the app's server-only modules) on the bench database.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { promisify } from "node:util";

export const IMPORT_ROWS = 100_000;
export type ImportRowsResult = {
  seconds: number;
  rows: number;
  created: number;
  updated: number;
  exact: boolean;
};

export async function measureImportRows(
  url: string,
  organizationId: string,
): Promise<ImportRowsResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [require.resolve("tsx/cli"), "--conditions=react-server", __filename, organizationId],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_URL: url,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        LOG_LEVEL: "warn",
      },
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as ImportRowsResult;
}

function* csvFile(existing: string[]): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode("Record number,First name,Last name,Date of birth,Email\r\n");
  for (let start = 0; start < IMPORT_ROWS; start += 1_000) {
    let text = "";
    for (let i = start; i < start + 1_000; i++) {
      const record = i % 10 === 0 && existing[i / 10] ? existing[i / 10] : `IMPB${i}`;
      text += `${record},Imported${i},Benchmark${i},05/17/1984,imp${i}@bench.test\r\n`;
    }
    yield encoder.encode(text);
  }
}

async function run(organizationId: string): Promise<ImportRowsResult> {
  const { db } = await import("@/lib/db/db");
  const { storeImportUpload } = await import("@/lib/subjects/import/store-import-upload");
  const { runSubjectImport } = await import("@/lib/subjects/import/run-subject-import");
  const { searchSubjects } = await import("@/lib/subjects/search-subjects");
  const admin = await db.user.findFirstOrThrow({
    where: { organizationId, role: "ADMIN" },
    select: {
      id: true,
      role: true,
      organizationId: true,
      firstName: true,
      lastName: true,
      email: true,
    },
  });
  const existing = await db.subject.findMany({
    where: { organizationId, email: null },
    select: { recordNumber: true },
    orderBy: { recordNumber: "asc" },
    take: IMPORT_ROWS / 10,
  });
  const started = performance.now();
  const stored = await storeImportUpload({
    organizationId,
    createdById: admin.id,
    file: Readable.toWeb(
      Readable.from(csvFile(existing.map((s) => s.recordNumber))),
    ) as ReadableStream<Uint8Array>,
  });
  await db.subjectImport.update({
    where: { id: stored.importId },
    data: {
      status: "QUEUED",
      mapping: { recordNumber: 0, firstName: 1, lastName: 2, dateOfBirth: 3, email: 4 },
    },
  });
  await runSubjectImport({ importId: stored.importId });
  const seconds = (performance.now() - started) / 1000;
  const counts = await db.subjectImport.findUniqueOrThrow({
    where: { id: stored.importId },
    select: { doneRows: true, created: true, updated: true, refused: true },
  });
  const viewer = { ...admin, subjectId: null, timeZone: "America/New_York", ip: null };
  let exact = counts.refused === 0;
  for (let i = 1; i < IMPORT_ROWS; i += 1_000) {
    const found = await searchSubjects({
      viewer,
      q: `IMPB${i}`,
      page: 1,
      sort: "record",
      dir: "asc",
      portal: "any",
      upcoming: false,
    });
    exact &&= found.items.some((item) => item.recordNumber === `IMPB${i}`);
  }
  return {
    seconds,
    rows: counts.doneRows,
    created: counts.created,
    updated: counts.updated,
    exact,
  };
}

if (require.main === module) {
  const organizationId = process.argv[2] ?? "";
  void run(organizationId).then((result) => {
    console.log(JSON.stringify(result));
    process.exit(0);
  });
}
