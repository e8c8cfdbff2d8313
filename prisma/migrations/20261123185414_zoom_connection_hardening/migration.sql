-- DropIndex
DROP INDEX "User_organizationId_videoConferenceUserId_idx";

-- AlterTable
ALTER TABLE "ZoomConnection" DROP COLUMN "apiUrl",
ALTER COLUMN "zoomUserId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "User_organizationId_videoConferenceUserId_key" ON "User"("organizationId", "videoConferenceUserId");

-- A Zoom account is linked to at most one organization at a time (removed links do not count).
CREATE UNIQUE INDEX "ZoomConnection_zoomAccountId_linked_key" ON "ZoomConnection" ("zoomAccountId")
  WHERE "status" <> 'REMOVED';
