-- CreateTable
CREATE TABLE "ProgrammeGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "months" INTEGER,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedBy" TEXT NOT NULL DEFAULT 'system',
    CONSTRAINT "ProgrammeGrant_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Entitlement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "membershipId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "grantVersion" INTEGER NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "endedOn" TEXT,
    "endReason" TEXT,
    "recoverableFen" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Entitlement_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EntitlementPause" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entitlementId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "until" TEXT,
    CONSTRAINT "EntitlementPause_entitlementId_fkey" FOREIGN KEY ("entitlementId") REFERENCES "Entitlement" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeGrant_programmeId_version_kind_key" ON "ProgrammeGrant"("programmeId", "version", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Entitlement_membershipId_kind_key" ON "Entitlement"("membershipId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "EntitlementPause_entitlementId_from_key" ON "EntitlementPause"("entitlementId", "from");
