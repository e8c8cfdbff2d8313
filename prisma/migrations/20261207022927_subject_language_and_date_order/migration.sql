-- CreateEnum
CREATE TYPE "DateOrder" AS ENUM ('MDY', 'DMY');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "dateOrder" "DateOrder" NOT NULL DEFAULT 'MDY';

-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "preferredLanguage" TEXT NOT NULL DEFAULT 'en';
