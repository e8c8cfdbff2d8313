-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "nextSubjectRecordNumber" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "subjectRecordPrefix" TEXT NOT NULL DEFAULT 'RFC-';

