-- AlterEnum
ALTER TYPE "NotificationSource" ADD VALUE 'ZOOM_REPORT';

-- CreateIndex
CREATE INDEX "ParticipantEvent_visitId_zoomParticipantUuid_idx" ON "ParticipantEvent"("visitId", "zoomParticipantUuid");

