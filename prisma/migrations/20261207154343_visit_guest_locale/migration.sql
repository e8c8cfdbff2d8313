-- AlterTable
ALTER TABLE "VisitGuest" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';

