-- CreateTable
CREATE TABLE "PageViewDay" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "bioPageId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT,
    "views" INTEGER NOT NULL,
    "uniques" INTEGER NOT NULL,
    "bots" INTEGER NOT NULL,

    CONSTRAINT "PageViewDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PageViewDayState" (
    "workspaceId" TEXT NOT NULL,
    "through" INTEGER NOT NULL,

    CONSTRAINT "PageViewDayState_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "PageViewDay_bioPageId_day_idx" ON "PageViewDay"("bioPageId", "day");

-- CreateIndex
CREATE INDEX "PageViewDay_workspaceId_day_idx" ON "PageViewDay"("workspaceId", "day");
