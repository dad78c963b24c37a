-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "Click" ADD COLUMN     "bioBlockId" TEXT,
ADD COLUMN     "bioPageId" TEXT,
ADD COLUMN     "event" TEXT NOT NULL DEFAULT 'click',
ALTER COLUMN "linkId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Click_bioPageId_createdAt_idx" ON "Click"("bioPageId", "createdAt");
