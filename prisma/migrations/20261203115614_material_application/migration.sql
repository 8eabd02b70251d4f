-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Material" (
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
    CONSTRAINT "Material_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Material_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "Blob" ("sha256") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Material" ("achievement", "applicationId", "draftId", "fileName", "id", "kind", "mime", "ownerId", "purgedAt", "replacedById", "round", "sha256", "size", "title", "uploadedAt", "uploadedBy") SELECT "achievement", "applicationId", "draftId", "fileName", "id", "kind", "mime", "ownerId", "purgedAt", "replacedById", "round", "sha256", "size", "title", "uploadedAt", "uploadedBy" FROM "Material";
DROP TABLE "Material";
ALTER TABLE "new_Material" RENAME TO "Material";
CREATE INDEX "Material_draftId_idx" ON "Material"("draftId");
CREATE INDEX "Material_applicationId_idx" ON "Material"("applicationId");
CREATE INDEX "Material_sha256_idx" ON "Material"("sha256");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
