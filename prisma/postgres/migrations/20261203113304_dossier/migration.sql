-- CreateTable
CREATE TABLE "Blob" (
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "pages" INTEGER,
    "width" INTEGER,
    "height" INTEGER,
    "storedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Blob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "applicationId" TEXT,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Material" (
    "id" TEXT NOT NULL,
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
    "uploadedAt" TIMESTAMP(3) NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 0,
    "replacedById" TEXT,
    "purgedAt" TIMESTAMP(3),

    CONSTRAINT "Material_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "Blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;
