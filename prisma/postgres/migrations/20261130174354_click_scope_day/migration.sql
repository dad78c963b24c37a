-- AlterTable
ALTER TABLE "ClickDayState" ADD COLUMN     "kinds" TEXT;

-- CreateTable
CREATE TABLE "ClickScopeDay" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "data" TEXT NOT NULL,

    CONSTRAINT "ClickScopeDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClickScopeDay_workspaceId_kind_ref_day_idx" ON "ClickScopeDay"("workspaceId", "kind", "ref", "day");

-- CreateIndex
CREATE INDEX "ClickScopeDay_workspaceId_day_idx" ON "ClickScopeDay"("workspaceId", "day");

-- The daily rollups are derived from ClickCube: start them again, so every
-- built day gets its scope rows too (the job rebuilds them on its next round).
DELETE FROM "ClickDay";
DELETE FROM "ClickMonth";
DELETE FROM "ClickDayState";
