-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "noShowGraceMinutes" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "waitingAlertMinutes" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "noShowAt" TIMESTAMP(3),
ADD COLUMN     "noShowUndoneAt" TIMESTAMP(3);

