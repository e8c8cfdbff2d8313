-- CreateEnum
CREATE TYPE "DeviceCheckStatus" AS ENUM ('PASSED', 'BLOCKED', 'MISSING', 'FAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "NetworkQuality" AS ENUM ('GOOD', 'FAIR', 'POOR', 'OFFLINE');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "phone" TEXT;

-- CreateTable
CREATE TABLE "VisitDeviceCheck" (
    "visitId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "isPassed" BOOLEAN NOT NULL,
    "camera" "DeviceCheckStatus" NOT NULL,
    "microphone" "DeviceCheckStatus" NOT NULL,
    "speaker" "DeviceCheckStatus" NOT NULL,
    "network" "NetworkQuality" NOT NULL,
    "roundTripMs" INTEGER,
    "downloadKbps" INTEGER,
    "browser" TEXT,

    CONSTRAINT "VisitDeviceCheck_pkey" PRIMARY KEY ("visitId")
);

-- CreateTable
CREATE TABLE "TelehealthConsentVersion" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TelehealthConsentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TelehealthConsent" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "signedName" TEXT NOT NULL,
    "ip" TEXT,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TelehealthConsent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TelehealthConsentVersion_organizationId_version_key" ON "TelehealthConsentVersion"("organizationId", "version");

-- CreateIndex
CREATE INDEX "TelehealthConsent_subjectId_acceptedAt_idx" ON "TelehealthConsent"("subjectId", "acceptedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TelehealthConsent_subjectId_versionId_key" ON "TelehealthConsent"("subjectId", "versionId");

-- AddForeignKey
ALTER TABLE "VisitDeviceCheck" ADD CONSTRAINT "VisitDeviceCheck_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TelehealthConsentVersion" ADD CONSTRAINT "TelehealthConsentVersion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TelehealthConsent" ADD CONSTRAINT "TelehealthConsent_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TelehealthConsent" ADD CONSTRAINT "TelehealthConsent_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "TelehealthConsentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

