-- AlterTable
ALTER TABLE "CalendarDay" ADD COLUMN     "name" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3),
ADD COLUMN     "updatedBy" TEXT;

-- CreateTable
CREATE TABLE "CalendarChange" (
    "id" SERIAL NOT NULL,
    "date" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "name" TEXT,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunningDeadline" (
    "workflowId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "countFrom" TIMESTAMP(3) NOT NULL,
    "workingDays" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "pausedSince" TIMESTAMP(3),
    "seq" INTEGER NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "RunningDeadline_pkey" PRIMARY KEY ("workflowId","purpose")
);

-- CreateIndex
CREATE INDEX "CalendarChange_date_idx" ON "CalendarChange"("date");

-- CreateIndex
CREATE INDEX "RunningDeadline_endedAt_dueAt_idx" ON "RunningDeadline"("endedAt", "dueAt");
