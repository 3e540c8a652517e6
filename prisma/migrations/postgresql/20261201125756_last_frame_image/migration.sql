-- AlterTable
ALTER TABLE "VideoTask" ADD COLUMN     "lastFrameImagePath" TEXT;

