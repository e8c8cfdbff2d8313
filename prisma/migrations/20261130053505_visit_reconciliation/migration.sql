-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "attendanceReconciledAt" TIMESTAMP(3);


-- The reconciliation job's queue: visits with a Zoom meeting whose attendance is not yet checked.
CREATE INDEX "Visit_unreconciled_idx" ON "Visit" ("scheduledStart")
  WHERE "attendanceReconciledAt" IS NULL AND "zoomMeetingId" IS NOT NULL;
