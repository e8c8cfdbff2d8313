-- AlterEnum
ALTER TYPE "DataDeletionStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "DataDeletionRequest" ADD COLUMN     "cancelledAt" TIMESTAMP(3);

