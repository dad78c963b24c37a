-- AlterTable
ALTER TABLE "Domain" ADD COLUMN     "rootBioPageId" TEXT;

-- AlterTable
ALTER TABLE "BioPage" ADD COLUMN     "draft" JSONB,
ADD COLUMN     "publishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "BioHandleAlias" (
    "handle" TEXT NOT NULL,
    "bioPageId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BioHandleAlias_pkey" PRIMARY KEY ("handle")
);

-- CreateTable
CREATE TABLE "BioImage" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BioImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BioSubscriber" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "bioPageId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "consentText" TEXT NOT NULL,
    "consentedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BioSubscriber_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BioHandleAlias_bioPageId_idx" ON "BioHandleAlias"("bioPageId");

-- CreateIndex
CREATE INDEX "BioImage_workspaceId_idx" ON "BioImage"("workspaceId");

-- CreateIndex
CREATE INDEX "BioSubscriber_workspaceId_idx" ON "BioSubscriber"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "BioSubscriber_bioPageId_email_key" ON "BioSubscriber"("bioPageId", "email");

-- AddForeignKey
ALTER TABLE "BioHandleAlias" ADD CONSTRAINT "BioHandleAlias_bioPageId_fkey" FOREIGN KEY ("bioPageId") REFERENCES "BioPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BioSubscriber" ADD CONSTRAINT "BioSubscriber_bioPageId_fkey" FOREIGN KEY ("bioPageId") REFERENCES "BioPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
