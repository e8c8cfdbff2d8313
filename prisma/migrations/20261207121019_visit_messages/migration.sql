-- CreateEnum
CREATE TYPE "CalendarSubjectName" AS ENUM ('NONE', 'INITIALS', 'FULL_NAME');

-- CreateEnum
CREATE TYPE "VisitMessageKind" AS ENUM ('INVITATION', 'UPDATE', 'CANCELLATION', 'REMINDER');

-- CreateEnum
CREATE TYPE "VisitMessageRecipient" AS ENUM ('PATIENT', 'PROVIDER');

-- CreateEnum
CREATE TYPE "VisitMessageStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED', 'BOUNCED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "calendarSubjectName" "CalendarSubjectName" NOT NULL DEFAULT 'INITIALS',
ADD COLUMN     "reminderOffsetsMinutes" INTEGER[] NOT NULL DEFAULT ARRAY[1440, 15]::INTEGER[];

-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "remindersOptedOutAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "calendarSequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "VisitMessage" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "kind" "VisitMessageKind" NOT NULL,
    "recipient" "VisitMessageRecipient" NOT NULL,
    "sequence" INTEGER NOT NULL,
    "offsetMinutes" INTEGER NOT NULL DEFAULT 0,
    "toAddress" TEXT NOT NULL,
    "status" "VisitMessageStatus" NOT NULL DEFAULT 'QUEUED',
    "notBefore" TIMESTAMP(3) NOT NULL,
    "claimedUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VisitMessage_visitId_createdAt_idx" ON "VisitMessage"("visitId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VisitMessage_visitId_kind_recipient_sequence_offsetMinutes_key" ON "VisitMessage"("visitId", "kind", "recipient", "sequence", "offsetMinutes");

-- AddForeignKey
ALTER TABLE "VisitMessage" ADD CONSTRAINT "VisitMessage_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The dispatcher's claim: due queued messages in time order (lib/visit-messages/claim-due-messages.sql.ts).
CREATE INDEX "VisitMessage_due_idx" ON "VisitMessage"("notBefore") WHERE "status" = 'QUEUED';
