-- AlterTable
ALTER TABLE "Application" ADD COLUMN "caseNumber" TEXT;

-- CreateTable
CREATE TABLE "CaseNumberCounter" (
    "prefix" TEXT NOT NULL PRIMARY KEY,
    "last" INTEGER NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Application_caseNumber_key" ON "Application"("caseNumber");
