-- CreateTable
CREATE TABLE "SupervisionReport" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "clientKey" TEXT NOT NULL,
    "talentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reportedAs" TEXT NOT NULL,
    "organisationId" TEXT,
    "occurredOn" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "facts" JSONB NOT NULL,
    "evidence" JSONB NOT NULL,
    "effects" JSONB NOT NULL,
    "contestBy" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'recorded',
    "contestGrounds" TEXT,
    "contestedAt" TIMESTAMP(3),
    "resolvedBy" TEXT,
    "resolution" TEXT,
    "resolutionReason" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionReport_workflowId_key" ON "SupervisionReport"("workflowId");

-- CreateIndex
CREATE INDEX "SupervisionReport_talentId_idx" ON "SupervisionReport"("talentId");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionReport_reporterId_clientKey_key" ON "SupervisionReport"("reporterId", "clientKey");
