import "server-only";

import PgBoss from "pg-boss";

import { resealSecrets } from "@/lib/crypto/reseal-secrets";
import { env } from "@/lib/env";
import { errorFields, log } from "@/lib/log";
import { runDueDeletions } from "@/lib/retention/run-due-deletions";
import { registerSubjectImportJobs } from "@/lib/subjects/import/subject-import-queue";
import { reconcileFinishedVisits } from "@/lib/visits/attendance/reconcile-attendance";
import { notifyDueVisitMessages } from "@/lib/visit-messages/notify-due-messages";
import {
  requestDispatch,
  startVisitMessageDispatcher,
} from "@/lib/visit-messages/visit-message-dispatcher";
import { markNoShows } from "@/lib/visits/no-show/mark-no-shows";

// Scheduled work on PostgreSQL with pg-boss: jobs survive restarts, retry on failure, and a cron
// schedule fires once across all app instances. Tables live in the `pgboss` schema.

export const RETENTION_QUEUE = "retention-purge";
const RETENTION_CRON = "*/10 * * * *";
export const ATTENDANCE_QUEUE = "attendance-reconcile";
const ATTENDANCE_CRON = "*/5 * * * *";
/** Secrets stored in an older format are rewritten at start, then checked every hour. */
export const RESEAL_QUEUE = "secrets-reseal";
const RESEAL_CRON = "17 * * * *";
/** Visits whose patient never joined become no-shows, checked every minute. */
export const NO_SHOW_QUEUE = "visit-no-shows";
const NO_SHOW_CRON = "* * * * *";
/**
 * Visit messages (invitations, reminders): sent at once when queued; every minute, every instance's
 * dispatcher is told to send what has come due (reminders) or is due for another attempt.
 */
export const VISIT_MESSAGES_QUEUE = "visit-messages-due";
const VISIT_MESSAGES_CRON = "* * * * *";
const START_RETRY_MS = 30_000;

export async function registerJobs(boss: PgBoss): Promise<void> {
  await boss.createQueue(RETENTION_QUEUE);
  await boss.schedule(RETENTION_QUEUE, RETENTION_CRON);
  await boss.work(RETENTION_QUEUE, async () => {
    const result = await runDueDeletions();
    if (result.purged || result.reported) log.info("jobs.retention_ran", result);
  });
  await boss.createQueue(ATTENDANCE_QUEUE);
  await boss.schedule(ATTENDANCE_QUEUE, ATTENDANCE_CRON);
  await boss.work(ATTENDANCE_QUEUE, async () => {
    const result = await reconcileFinishedVisits();
    if (result.checked) log.info("jobs.attendance_reconciled", result);
  });
  await boss.createQueue(RESEAL_QUEUE);
  await boss.schedule(RESEAL_QUEUE, RESEAL_CRON);
  await boss.work(RESEAL_QUEUE, async () => {
    const result = await resealSecrets();
    if (Object.values(result).some(Boolean)) log.info("jobs.secrets_resealed", result);
  });
  await boss.send(RESEAL_QUEUE, {}, { singletonKey: "at-start", singletonSeconds: 60 });
  await boss.createQueue(NO_SHOW_QUEUE);
  await boss.schedule(NO_SHOW_QUEUE, NO_SHOW_CRON);
  await boss.work(NO_SHOW_QUEUE, async () => {
    const result = await markNoShows();
    if (result.marked) log.info("jobs.no_shows_marked", result);
  });
  await boss.createQueue(VISIT_MESSAGES_QUEUE);
  await boss.schedule(VISIT_MESSAGES_QUEUE, VISIT_MESSAGES_CRON);
  await boss.work(VISIT_MESSAGES_QUEUE, async () => {
    await notifyDueVisitMessages();
    await requestDispatch();
  });
  await registerSubjectImportJobs(boss);
}

export function createJobBoss(connectionString: string): PgBoss {
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    max: 2,
    application_name: "carevisit-jobs",
  });
  boss.on("error", (error) => log.error("jobs.error", errorFields(error)));
  return boss;
}

/** Started once per server process (instrumentation.ts); retries until the database answers. */
export async function startBackgroundJobs(): Promise<void> {
  if (!env.RUN_BACKGROUND_JOBS) return;
  const boss = createJobBoss(env.DATABASE_URL);
  try {
    await boss.start();
    await registerJobs(boss);
    startVisitMessageDispatcher();
    log.info("jobs.started", {
      queues: `${RETENTION_QUEUE},${ATTENDANCE_QUEUE},${RESEAL_QUEUE},${NO_SHOW_QUEUE},${VISIT_MESSAGES_QUEUE}`,
    });
  } catch (error) {
    log.error("jobs.start_failed", errorFields(error));
    await boss.stop({ graceful: false }).catch(() => undefined);
    setTimeout(() => void startBackgroundJobs(), START_RETRY_MS).unref();
  }
}
