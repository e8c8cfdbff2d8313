-- CreateEnum
CREATE TYPE "DataDeletionReason" AS ENUM ('REMOVED_BY_ADMIN', 'DEAUTHORIZED_IN_ZOOM');

-- AlterTable
ALTER TABLE "ZoomConnection" ADD COLUMN     "tokenVersion" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "accessToken" DROP NOT NULL,
ALTER COLUMN "refreshToken" DROP NOT NULL;

-- AlterTable
ALTER TABLE "DataDeletionRequest" ADD COLUMN     "complianceReportedAt" TIMESTAMP(3),
ADD COLUMN     "deauthorizationEvent" JSONB,
ADD COLUMN     "reason" "DataDeletionReason" NOT NULL;

-- AddForeignKey
ALTER TABLE "ZoomConnection" ADD CONSTRAINT "ZoomConnection_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

