-- CreateTable
CREATE TABLE "Blob" (
    "sha256" TEXT NOT NULL PRIMARY KEY,
    "size" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "pages" INTEGER,
    "width" INTEGER,
    "height" INTEGER,
    "storedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicantId" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "applicationId" TEXT
);

-- CreateTable
CREATE TABLE "Material" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "draftId" TEXT,
    "applicationId" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "achievement" INTEGER,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 0,
    "replacedById" TEXT,
    "purgedAt" DATETIME,
    CONSTRAINT "Material_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "Blob" ("sha256") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Draft_applicationId_key" ON "Draft"("applicationId");

-- CreateIndex
CREATE INDEX "Draft_applicantId_idx" ON "Draft"("applicantId");

-- CreateIndex
CREATE INDEX "Material_draftId_idx" ON "Material"("draftId");

-- CreateIndex
CREATE INDEX "Material_applicationId_idx" ON "Material"("applicationId");

-- CreateIndex
CREATE INDEX "Material_sha256_idx" ON "Material"("sha256");
