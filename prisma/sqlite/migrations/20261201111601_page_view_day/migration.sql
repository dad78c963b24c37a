-- CreateTable
CREATE TABLE "PageViewDay" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "bioPageId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT,
    "views" INTEGER NOT NULL,
    "uniques" INTEGER NOT NULL,
    "bots" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "PageViewDayState" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "through" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "PageViewDay_bioPageId_day_idx" ON "PageViewDay"("bioPageId", "day");

-- CreateIndex
CREATE INDEX "PageViewDay_workspaceId_day_idx" ON "PageViewDay"("workspaceId", "day");
