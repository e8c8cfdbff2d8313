-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "noShowGraceMinutes" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "waitingAlertMinutes" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "noShowAt" TIMESTAMP(3),
ADD COLUMN     "noShowUndoneAt" TIMESTAMP(3);


-- The no-show job's queue (lib/visits/no-show): visits not yet marked, nor undone, by start time.
CREATE INDEX "Visit_no_show_due_idx" ON "Visit" ("scheduledStart")
  WHERE "noShowAt" IS NULL AND "noShowUndoneAt" IS NULL;
