-- Day packs now name links by the workspace's numbers (lib/analytics/pack-links.ts): the daily job packs every day again, newest first.
DELETE FROM "ClickDayPack";

-- CreateTable
CREATE TABLE "ClickPackLink" (
    "workspaceId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "linkId" TEXT NOT NULL,

PRIMARY KEY ("workspaceId", "n")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClickPackLink_workspaceId_linkId_key" ON "ClickPackLink"("workspaceId", "linkId");
