import "server-only";

import PgBoss from "pg-boss";

import { SubjectImportStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import { runSubjectImport } from "@/lib/subjects/import/run-subject-import";

// One pg-boss job per import run. A job cut short by a restart is sent again when the workers
// start; the checkpoint in SubjectImport (claimed row-locked per batch) keeps two runs of one
// import from ever applying a row twice.

export const SUBJECT_IMPORT_QUEUE = "subject-import";
type ImportJob = { importId: string };

const globalForQueue = globalThis as unknown as { carevisitImportSender?: Promise<PgBoss> };

/** A send-only pg-boss (no maintenance, no schedules), shared by the web process. */
function sender(): Promise<PgBoss> {
  globalForQueue.carevisitImportSender ??= (async () => {
    const boss = new PgBoss({
      connectionString: env.DATABASE_URL,
      schema: "pgboss",
      max: 1,
      supervise: false,
      schedule: false,
      application_name: "carevisit-import-sender",
    });
    boss.on("error", (error) => log.error("jobs.error", errorFields(error)));
    await boss.start();
    return boss;
  })();
  return globalForQueue.carevisitImportSender;
}

export async function sendSubjectImportJob(importId: string, boss?: PgBoss): Promise<void> {
  const queue = boss ?? (await sender());
  await queue.send(SUBJECT_IMPORT_QUEUE, { importId } satisfies ImportJob, {
    retryLimit: 5,
    retryDelay: 5,
    expireInSeconds: 30 * 60,
  });
}

/** The worker, and a resend of every import a stopped process left queued or running. */
export async function registerSubjectImportJobs(boss: PgBoss): Promise<void> {
  await boss.createQueue(SUBJECT_IMPORT_QUEUE);
  await boss.work<ImportJob>(SUBJECT_IMPORT_QUEUE, async ([job]) => {
    if (!job) return;
    const { importId } = job.data;
    try {
      await runSubjectImport({ importId });
      log.info("jobs.subject_import_ran", { importId });
    } catch (error) {
      // A file that cannot be read will never be: stop for good. Anything else is retried.
      if (!isAppError(error) || error.code !== "bad_request") throw error;
      await db.subjectImport.update({
        where: { id: importId },
        data: { status: SubjectImportStatus.FAILED, failure: error.message },
      });
      log.warn("jobs.subject_import_failed", { importId });
    }
  });
  const unfinished = await db.subjectImport.findMany({
    where: { status: { in: [SubjectImportStatus.QUEUED, SubjectImportStatus.RUNNING] } },
    select: { id: true },
    take: 100,
  });
  for (const { id } of unfinished) await sendSubjectImportJob(id, boss);
}
