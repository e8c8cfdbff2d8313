-- AlterTable
ALTER TABLE "ZoomConnection" ADD COLUMN     "zoomUserName" TEXT;

