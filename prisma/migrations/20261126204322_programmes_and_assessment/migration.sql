-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "talentType" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL DEFAULT 'system',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ProgrammeStandard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedBy" TEXT NOT NULL DEFAULT 'system',
    CONSTRAINT "ProgrammeStandard_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workflowId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "talentId" TEXT NOT NULL,
    "employerId" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "intake" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'admitted',
    "status" TEXT NOT NULL DEFAULT 'active',
    "policyVersion" INTEGER,
    "standardId" TEXT,
    "programmeStandardVersion" INTEGER,
    "cycleIndex" INTEGER NOT NULL DEFAULT 0,
    "admittedAt" DATETIME NOT NULL,
    "admittedBy" TEXT NOT NULL,
    "endedAt" DATETIME,
    "outcome" TEXT,
    "reentryBarUntil" DATETIME,
    "termScore" INTEGER,
    "termGrade" TEXT,
    "trend" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Membership_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Membership_talentId_fkey" FOREIGN KEY ("talentId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Membership_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CycleResult" (
    "membershipId" TEXT NOT NULL,
    "cycleIndex" INTEGER NOT NULL,
    "programmeId" TEXT NOT NULL,
    "intake" TEXT NOT NULL,
    "score" INTEGER,
    "baseGrade" TEXT NOT NULL,
    "grade" TEXT,
    "quota" REAL,
    "detail" JSONB NOT NULL,
    "submittedAt" DATETIME NOT NULL,
    "gradedAt" DATETIME,

    PRIMARY KEY ("membershipId", "cycleIndex")
);

-- CreateTable
CREATE TABLE "AssessmentCohort" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "intake" TEXT NOT NULL,
    "cycleIndex" INTEGER NOT NULL,
    "gradeBy" DATETIME NOT NULL,
    "gradedAt" DATETIME,
    "size" INTEGER,
    "quota" REAL,
    "slots" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ExitReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workflowId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "talentId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'opened',
    "status" TEXT NOT NULL DEFAULT 'open',
    "improvementPlan" TEXT,
    "startedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Standard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "series" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "track" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedBy" TEXT NOT NULL DEFAULT 'system'
);
INSERT INTO "new_Standard" ("id", "level", "publishedAt", "rules", "series", "track", "version") SELECT "id", "level", "publishedAt", "rules", "series", "track", "version" FROM "Standard";
DROP TABLE "Standard";
ALTER TABLE "new_Standard" RENAME TO "Standard";
CREATE UNIQUE INDEX "Standard_series_level_track_version_key" ON "Standard"("series", "level", "track", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeStandard_programmeId_version_key" ON "ProgrammeStandard"("programmeId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_workflowId_key" ON "Membership"("workflowId");

-- CreateIndex
CREATE INDEX "Membership_talentId_status_idx" ON "Membership"("talentId", "status");

-- CreateIndex
CREATE INDEX "Membership_programmeId_intake_status_idx" ON "Membership"("programmeId", "intake", "status");

-- CreateIndex
CREATE INDEX "CycleResult_programmeId_intake_cycleIndex_idx" ON "CycleResult"("programmeId", "intake", "cycleIndex");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentCohort_programmeId_intake_cycleIndex_key" ON "AssessmentCohort"("programmeId", "intake", "cycleIndex");

-- CreateIndex
CREATE UNIQUE INDEX "ExitReview_workflowId_key" ON "ExitReview"("workflowId");

-- CreateIndex
CREATE INDEX "ExitReview_talentId_idx" ON "ExitReview"("talentId");

-- CreateIndex
CREATE UNIQUE INDEX "ExitReview_membershipId_n_key" ON "ExitReview"("membershipId", "n");
