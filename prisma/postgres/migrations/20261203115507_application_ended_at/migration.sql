-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "endedAt" TIMESTAMP(3);
