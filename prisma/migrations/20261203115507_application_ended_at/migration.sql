-- AlterTable
ALTER TABLE "Application" ADD COLUMN "endedAt" DATETIME;
