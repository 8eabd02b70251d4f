-- AlterTable
ALTER TABLE "Application" ADD COLUMN "outcome" TEXT;
ALTER TABLE "Application" ADD COLUMN "policyVersion" INTEGER;

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "values" JSONB NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedBy" TEXT NOT NULL DEFAULT 'system'
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "note" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ExpertConflict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expertId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workflowId" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scheduledFor" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "size" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MeetingCase" (
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "members" INTEGER,
    "present" INTEGER,
    "yes" INTEGER,
    "no" INTEGER,
    "abstain" INTEGER,
    "passed" BOOLEAN,
    "decidedAt" DATETIME,

    PRIMARY KEY ("meetingId", "caseId"),
    CONSTRAINT "MeetingCase_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommitteeSeat" (
    "meetingId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "present" BOOLEAN NOT NULL DEFAULT false,
    "drawOrder" INTEGER NOT NULL,

    PRIMARY KEY ("meetingId", "expertId"),
    CONSTRAINT "CommitteeSeat_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BallotParticipation" (
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "castAt" DATETIME NOT NULL,

    PRIMARY KEY ("meetingId", "caseId", "expertId")
);

-- CreateTable
CREATE TABLE "ReviewOpinion" (
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "opinion" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("meetingId", "caseId", "expertId")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workflowId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "objectorId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "raisedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "outcome" TEXT
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'valid',
    "revokedAt" DATETIME,
    "revokedReason" TEXT
);

-- CreateTable
CREATE TABLE "IntegrityRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "barUntil" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Policy_key_version_key" ON "Policy"("key", "version");

-- CreateIndex
CREATE INDEX "ExpertConflict_subjectId_idx" ON "ExpertConflict"("subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertConflict_expertId_kind_subjectId_key" ON "ExpertConflict"("expertId", "kind", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_workflowId_key" ON "Meeting"("workflowId");

-- CreateIndex
CREATE INDEX "MeetingCase_caseId_idx" ON "MeetingCase"("caseId");

-- CreateIndex
CREATE INDEX "Objection_caseId_idx" ON "Objection"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_number_key" ON "Certificate"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_applicationId_key" ON "Certificate"("applicationId");

-- CreateIndex
CREATE INDEX "IntegrityRecord_userId_barUntil_idx" ON "IntegrityRecord"("userId", "barUntil");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrityRecord_userId_kind_sourceRef_key" ON "IntegrityRecord"("userId", "kind", "sourceRef");
