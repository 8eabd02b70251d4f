-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "caseNumber" TEXT;

-- CreateTable
CREATE TABLE "CaseNumberCounter" (
    "prefix" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "CaseNumberCounter_pkey" PRIMARY KEY ("prefix")
);

-- CreateIndex
CREATE UNIQUE INDEX "Application_caseNumber_key" ON "Application"("caseNumber");
