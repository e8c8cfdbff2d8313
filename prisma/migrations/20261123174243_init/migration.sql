-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'CARE_TEAM', 'PATIENT');

-- CreateEnum
CREATE TYPE "VideoUserIdSource" AS ENUM ('MANUAL', 'EMAIL_MATCH', 'CREATED');

-- CreateEnum
CREATE TYPE "JoinMode" AS ENUM ('ZOOM_URL', 'TELEHEALTH_URL');

-- CreateEnum
CREATE TYPE "VisitStatus" AS ENUM ('SCHEDULED', 'IN_PROGRESS', 'ENDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PatientPresence" AS ENUM ('NOT_JOINED', 'WAITING', 'IN_MEETING', 'LEFT');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('PROVIDER', 'PATIENT', 'STAFF', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ParticipantEventKind" AS ENUM ('WAITING_ROOM_JOINED', 'WAITING_ROOM_LEFT', 'ADMITTED', 'JOINED', 'LEFT');

-- CreateEnum
CREATE TYPE "NotificationSource" AS ENUM ('ZOOM_WEBHOOK', 'TELEHEALTH_GET');

-- CreateEnum
CREATE TYPE "NotificationOutcome" AS ENUM ('APPLIED', 'IGNORED', 'UNMATCHED');

-- CreateEnum
CREATE TYPE "ZoomConnectionStatus" AS ENUM ('ACTIVE', 'NEEDS_RELINK', 'REMOVED');

-- CreateEnum
CREATE TYPE "DataDeletionStatus" AS ENUM ('PENDING', 'COMPLETED', 'NOT_REQUIRED');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'America/New_York',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "email" TEXT NOT NULL,
    "username" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "passwordHash" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "videoConferenceUserId" TEXT,
    "videoConferenceUserIdSource" "VideoUserIdSource",
    "videoConferenceUserIdSetAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subject" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "recordNumber" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "phoneDigits" TEXT,
    "userId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "scheduledStart" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "status" "VisitStatus" NOT NULL DEFAULT 'SCHEDULED',
    "zoomMeetingId" BIGINT,
    "zoomMeetingUuid" TEXT,
    "zoomHostId" TEXT,
    "zoomJoinUrl" TEXT,
    "zoomStartUrl" TEXT,
    "zoomPassword" TEXT,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "patientPresence" "PatientPresence" NOT NULL DEFAULT 'NOT_JOINED',
    "patientWaitingSince" TIMESTAMP(3),
    "providerJoinedAt" TIMESTAMP(3),
    "isProviderPresent" BOOLEAN NOT NULL DEFAULT false,
    "lastEventAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParticipantEvent" (
    "id" BIGSERIAL NOT NULL,
    "visitId" UUID NOT NULL,
    "notificationId" BIGINT NOT NULL,
    "participantKey" TEXT NOT NULL,
    "kind" "ParticipantEventKind" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "role" "ParticipantRole" NOT NULL DEFAULT 'UNKNOWN',
    "userId" UUID,
    "zoomUserId" TEXT,
    "zoomParticipantUuid" TEXT,
    "registrantId" TEXT,
    "customerKey" TEXT,
    "displayName" TEXT,

    CONSTRAINT "ParticipantEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "participantKey" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "role" "ParticipantRole" NOT NULL DEFAULT 'UNKNOWN',
    "userId" UUID,
    "zoomUserId" TEXT,
    "displayName" TEXT,
    "waitingRoomJoinedAt" TIMESTAMP(3),
    "joinedAt" TIMESTAMP(3),
    "leftAt" TIMESTAMP(3),

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundNotification" (
    "id" BIGSERIAL NOT NULL,
    "source" "NotificationSource" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "eventAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "organizationId" UUID,
    "visitId" UUID,
    "outcome" "NotificationOutcome" NOT NULL,
    "payload" JSONB NOT NULL,

    CONSTRAINT "InboundNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ZoomConnection" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "status" "ZoomConnectionStatus" NOT NULL,
    "zoomAccountId" TEXT NOT NULL,
    "zoomUserId" TEXT NOT NULL,
    "zoomUserEmail" TEXT,
    "scopes" TEXT[],
    "apiUrl" TEXT,
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT NOT NULL,
    "accessTokenExpiresAt" TIMESTAMP(3) NOT NULL,
    "refreshLeaseUntil" TIMESTAMP(3),
    "lastRefreshedAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastWebhookAt" TIMESTAMP(3),
    "lastErrorAt" TIMESTAMP(3),
    "lastError" TEXT,
    "linkedById" UUID NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ZoomConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OAuthState" (
    "id" UUID NOT NULL,
    "stateHash" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataDeletionRequest" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "zoomAccountId" TEXT NOT NULL,
    "retentionAllowed" BOOLEAN NOT NULL,
    "status" "DataDeletionStatus" NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "deletedCounts" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataDeletionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TelehealthSettings" (
    "organizationId" UUID NOT NULL,
    "joinMode" "JoinMode" NOT NULL DEFAULT 'ZOOM_URL',
    "apiKey" TEXT,
    "apiSecret" TEXT,
    "includeIdentity" BOOLEAN NOT NULL DEFAULT true,
    "notifierUsername" TEXT,
    "notifierPasswordHash" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TelehealthSettings_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "organizationId" UUID,
    "actorUserId" UUID,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "subjectId" UUID,
    "ip" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OneTimeCode" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "failedTries" INTEGER NOT NULL DEFAULT 0,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OneTimeCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_organizationId_role_lastName_idx" ON "User"("organizationId", "role", "lastName");

-- CreateIndex
CREATE INDEX "User_organizationId_videoConferenceUserId_idx" ON "User"("organizationId", "videoConferenceUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_userId_key" ON "Subject"("userId");

-- CreateIndex
CREATE INDEX "Subject_organizationId_dateOfBirth_idx" ON "Subject"("organizationId", "dateOfBirth");

-- CreateIndex
CREATE INDEX "Subject_organizationId_email_idx" ON "Subject"("organizationId", "email");

-- CreateIndex
CREATE INDEX "Subject_organizationId_phoneDigits_idx" ON "Subject"("organizationId", "phoneDigits");

-- CreateIndex
CREATE INDEX "Subject_organizationId_lastName_firstName_idx" ON "Subject"("organizationId", "lastName", "firstName");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_organizationId_recordNumber_key" ON "Subject"("organizationId", "recordNumber");

-- CreateIndex
CREATE INDEX "Visit_organizationId_subjectId_scheduledStart_idx" ON "Visit"("organizationId", "subjectId", "scheduledStart");

-- CreateIndex
CREATE INDEX "Visit_organizationId_providerId_scheduledStart_idx" ON "Visit"("organizationId", "providerId", "scheduledStart");

-- CreateIndex
CREATE INDEX "Visit_organizationId_scheduledStart_idx" ON "Visit"("organizationId", "scheduledStart");

-- CreateIndex
CREATE INDEX "Visit_zoomMeetingId_idx" ON "Visit"("zoomMeetingId");

-- CreateIndex
CREATE UNIQUE INDEX "ParticipantEvent_notificationId_key" ON "ParticipantEvent"("notificationId");

-- CreateIndex
CREATE INDEX "ParticipantEvent_visitId_participantKey_occurredAt_idx" ON "ParticipantEvent"("visitId", "participantKey", "occurredAt");

-- CreateIndex
CREATE INDEX "Attendance_userId_idx" ON "Attendance"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_visitId_participantKey_sequence_key" ON "Attendance"("visitId", "participantKey", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "InboundNotification_dedupeKey_key" ON "InboundNotification"("dedupeKey");

-- CreateIndex
CREATE INDEX "InboundNotification_visitId_eventAt_idx" ON "InboundNotification"("visitId", "eventAt");

-- CreateIndex
CREATE INDEX "InboundNotification_organizationId_receivedAt_idx" ON "InboundNotification"("organizationId", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundNotification_receivedAt_idx" ON "InboundNotification"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ZoomConnection_organizationId_key" ON "ZoomConnection"("organizationId");

-- CreateIndex
CREATE INDEX "ZoomConnection_zoomAccountId_idx" ON "ZoomConnection"("zoomAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "OAuthState_stateHash_key" ON "OAuthState"("stateHash");

-- CreateIndex
CREATE INDEX "OAuthState_expiresAt_idx" ON "OAuthState"("expiresAt");

-- CreateIndex
CREATE INDEX "DataDeletionRequest_status_dueAt_idx" ON "DataDeletionRequest"("status", "dueAt");

-- CreateIndex
CREATE INDEX "DataDeletionRequest_organizationId_requestedAt_idx" ON "DataDeletionRequest"("organizationId", "requestedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_occurredAt_idx" ON "AuditEvent"("organizationId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_actorUserId_occurredAt_idx" ON "AuditEvent"("organizationId", "actorUserId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_subjectId_occurredAt_idx" ON "AuditEvent"("organizationId", "subjectId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_action_occurredAt_idx" ON "AuditEvent"("organizationId", "action", "occurredAt");

-- CreateIndex
CREATE INDEX "OneTimeCode_userId_createdAt_idx" ON "OneTimeCode"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_to_createdAt_idx" ON "OutboxEmail"("to", "createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subject" ADD CONSTRAINT "Subject_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subject" ADD CONSTRAINT "Subject_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipantEvent" ADD CONSTRAINT "ParticipantEvent_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipantEvent" ADD CONSTRAINT "ParticipantEvent_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "InboundNotification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundNotification" ADD CONSTRAINT "InboundNotification_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ZoomConnection" ADD CONSTRAINT "ZoomConnection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataDeletionRequest" ADD CONSTRAINT "DataDeletionRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TelehealthSettings" ADD CONSTRAINT "TelehealthSettings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OneTimeCode" ADD CONSTRAINT "OneTimeCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The audit trail is append-only: the app has no update or delete path, and the database refuses one.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent rows cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();
