-- CreateTable
CREATE TABLE "ClickDay" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT,
    "clicks" INTEGER NOT NULL,
    "uniques" INTEGER NOT NULL,
    "scans" INTEGER NOT NULL,
    "bioClicks" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ClickMonth" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "month" DATETIME NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT,
    "clicks" INTEGER NOT NULL,
    "uniques" INTEGER NOT NULL,
    "scans" INTEGER NOT NULL,
    "bioClicks" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ClickDayState" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "from" DATETIME NOT NULL,
    "through" DATETIME NOT NULL,
    "mapping" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ClickDay_workspaceId_dim_day_idx" ON "ClickDay"("workspaceId", "dim", "day");

-- CreateIndex
CREATE INDEX "ClickMonth_workspaceId_dim_month_idx" ON "ClickMonth"("workspaceId", "dim", "month");
