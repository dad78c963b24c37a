-- AlterTable
ALTER TABLE "Domain" ADD COLUMN "rootBioPageId" TEXT;

-- AlterTable
ALTER TABLE "BioPage" ADD COLUMN "draft" JSONB;
ALTER TABLE "BioPage" ADD COLUMN "publishedAt" DATETIME;

-- CreateTable
CREATE TABLE "BioHandleAlias" (
    "handle" TEXT NOT NULL PRIMARY KEY,
    "bioPageId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BioHandleAlias_bioPageId_fkey" FOREIGN KEY ("bioPageId") REFERENCES "BioPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BioImage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BioSubscriber" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "bioPageId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "consentText" TEXT NOT NULL,
    "consentedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BioSubscriber_bioPageId_fkey" FOREIGN KEY ("bioPageId") REFERENCES "BioPage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BioHandleAlias_bioPageId_idx" ON "BioHandleAlias"("bioPageId");

-- CreateIndex
CREATE INDEX "BioImage_workspaceId_idx" ON "BioImage"("workspaceId");

-- CreateIndex
CREATE INDEX "BioSubscriber_workspaceId_idx" ON "BioSubscriber"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "BioSubscriber_bioPageId_email_key" ON "BioSubscriber"("bioPageId", "email");
