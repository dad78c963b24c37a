-- CreateTable
CREATE TABLE "ClickDay" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT,
    "clicks" INTEGER NOT NULL,
    "uniques" INTEGER NOT NULL,
    "scans" INTEGER NOT NULL,
    "bioClicks" INTEGER NOT NULL,

    CONSTRAINT "ClickDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClickMonth" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "month" TIMESTAMP(3) NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT,
    "clicks" INTEGER NOT NULL,
    "uniques" INTEGER NOT NULL,
    "scans" INTEGER NOT NULL,
    "bioClicks" INTEGER NOT NULL,

    CONSTRAINT "ClickMonth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClickDayState" (
    "workspaceId" TEXT NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "through" TIMESTAMP(3) NOT NULL,
    "mapping" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClickDayState_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "ClickDay_workspaceId_dim_day_idx" ON "ClickDay"("workspaceId", "dim", "day");

-- CreateIndex
CREATE INDEX "ClickMonth_workspaceId_dim_month_idx" ON "ClickMonth"("workspaceId", "dim", "month");
