-- AlterTable
ALTER TABLE "CalendarDay" ADD COLUMN "name" TEXT;
ALTER TABLE "CalendarDay" ADD COLUMN "updatedAt" DATETIME;
ALTER TABLE "CalendarDay" ADD COLUMN "updatedBy" TEXT;

-- CreateTable
CREATE TABLE "CalendarChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "date" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "name" TEXT,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RunningDeadline" (
    "workflowId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "countFrom" DATETIME NOT NULL,
    "workingDays" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "pausedSince" DATETIME,
    "seq" INTEGER NOT NULL,
    "endedAt" DATETIME,

    PRIMARY KEY ("workflowId", "purpose")
);

-- CreateIndex
CREATE INDEX "CalendarChange_date_idx" ON "CalendarChange"("date");

-- CreateIndex
CREATE INDEX "RunningDeadline_endedAt_dueAt_idx" ON "RunningDeadline"("endedAt", "dueAt");
