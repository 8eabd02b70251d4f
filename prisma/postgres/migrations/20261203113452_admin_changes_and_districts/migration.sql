-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "district" TEXT;

-- CreateTable
CREATE TABLE "AdminChange" (
    "id" SERIAL NOT NULL,
    "resource" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AdminChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminChange_resource_resourceId_id_idx" ON "AdminChange"("resource", "resourceId", "id");

-- CreateIndex
CREATE INDEX "AdminChange_actorId_id_idx" ON "AdminChange"("actorId", "id");
