-- AlterTable
ALTER TABLE "Standard" ADD COLUMN     "publishedBy" TEXT NOT NULL DEFAULT 'system';

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "talentType" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL DEFAULT 'system',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeStandard" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedBy" TEXT NOT NULL DEFAULT 'system',

    CONSTRAINT "ProgrammeStandard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
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
    "admittedAt" TIMESTAMP(3) NOT NULL,
    "admittedBy" TEXT NOT NULL,
    "endedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "reentryBarUntil" TIMESTAMP(3),
    "termScore" INTEGER,
    "termGrade" TEXT,
    "trend" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
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
    "quota" DOUBLE PRECISION,
    "detail" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "gradedAt" TIMESTAMP(3),

    CONSTRAINT "CycleResult_pkey" PRIMARY KEY ("membershipId","cycleIndex")
);

-- CreateTable
CREATE TABLE "AssessmentCohort" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "intake" TEXT NOT NULL,
    "cycleIndex" INTEGER NOT NULL,
    "gradeBy" TIMESTAMP(3) NOT NULL,
    "gradedAt" TIMESTAMP(3),
    "size" INTEGER,
    "quota" DOUBLE PRECISION,
    "slots" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentCohort_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExitReview" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "talentId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'opened',
    "status" TEXT NOT NULL DEFAULT 'open',
    "improvementPlan" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExitReview_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "ProgrammeStandard" ADD CONSTRAINT "ProgrammeStandard_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_talentId_fkey" FOREIGN KEY ("talentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
