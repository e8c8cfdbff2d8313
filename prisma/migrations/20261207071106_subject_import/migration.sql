-- CreateEnum
CREATE TYPE "SubjectImportStatus" AS ENUM ('UPLOADED', 'QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "SubjectImport" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "status" "SubjectImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "separator" TEXT NOT NULL,
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "totalRows" INTEGER NOT NULL,
    "doneRows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "failure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SubjectImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubjectImportChunk" (
    "importId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "SubjectImportChunk_pkey" PRIMARY KEY ("importId","seq")
);

-- CreateTable
CREATE TABLE "SubjectImportRecord" (
    "importId" UUID NOT NULL,
    "recordNumber" TEXT NOT NULL,

    CONSTRAINT "SubjectImportRecord_pkey" PRIMARY KEY ("importId","recordNumber")
);

-- CreateTable
CREATE TABLE "SubjectImportRefusal" (
    "importId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "reasons" TEXT NOT NULL,
    "cells" JSONB NOT NULL,

    CONSTRAINT "SubjectImportRefusal_pkey" PRIMARY KEY ("importId","rowNumber")
);

-- CreateTable
CREATE TABLE "SubjectImportMapping" (
    "organizationId" UUID NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubjectImportMapping_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE INDEX "SubjectImport_organizationId_createdAt_idx" ON "SubjectImport"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "SubjectImportChunk" ADD CONSTRAINT "SubjectImportChunk_importId_fkey" FOREIGN KEY ("importId") REFERENCES "SubjectImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectImportRecord" ADD CONSTRAINT "SubjectImportRecord_importId_fkey" FOREIGN KEY ("importId") REFERENCES "SubjectImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectImportRefusal" ADD CONSTRAINT "SubjectImportRefusal_importId_fkey" FOREIGN KEY ("importId") REFERENCES "SubjectImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

