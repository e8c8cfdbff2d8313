-- CreateEnum
CREATE TYPE "GuestRelationship" AS ENUM ('CAREGIVER', 'FAMILY', 'INTERPRETER', 'OTHER');

-- AlterEnum
ALTER TYPE "ParticipantRole" ADD VALUE 'GUEST';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "guestLinkUnusedMinutes" INTEGER NOT NULL DEFAULT 60;

-- AlterTable
ALTER TABLE "ParticipantEvent" ADD COLUMN     "guestId" UUID;

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "guestId" UUID;

-- CreateTable
CREATE TABLE "VisitGuest" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" "GuestRelationship" NOT NULL,
    "email" TEXT,
    "tokenHash" TEXT NOT NULL,
    "unusedUntil" TIMESTAMP(3) NOT NULL,
    "claimHash" TEXT,
    "claimedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitGuest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitRegistrant" (
    "id" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "zoomMeetingId" BIGINT NOT NULL,
    "userId" UUID,
    "guestId" UUID,
    "zoomRegistrantId" TEXT NOT NULL,
    "joinUrl" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitRegistrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VisitGuest_tokenHash_key" ON "VisitGuest"("tokenHash");

-- CreateIndex
CREATE INDEX "VisitGuest_visitId_idx" ON "VisitGuest"("visitId");

-- CreateIndex
CREATE INDEX "VisitRegistrant_zoomRegistrantId_idx" ON "VisitRegistrant"("zoomRegistrantId");

-- CreateIndex
CREATE UNIQUE INDEX "VisitRegistrant_visitId_zoomMeetingId_userId_key" ON "VisitRegistrant"("visitId", "zoomMeetingId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "VisitRegistrant_visitId_zoomMeetingId_guestId_key" ON "VisitRegistrant"("visitId", "zoomMeetingId", "guestId");

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "VisitGuest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitGuest" ADD CONSTRAINT "VisitGuest_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRegistrant" ADD CONSTRAINT "VisitRegistrant_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRegistrant" ADD CONSTRAINT "VisitRegistrant_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "VisitGuest"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Each registration is one person's: ours (a user) or a guest's, never both or neither.
ALTER TABLE "VisitRegistrant" ADD CONSTRAINT "VisitRegistrant_one_person_check"
  CHECK (("userId" IS NULL) <> ("guestId" IS NULL));
