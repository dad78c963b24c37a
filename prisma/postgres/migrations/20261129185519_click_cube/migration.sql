-- CreateTable
CREATE TABLE "ClickCube" (
    "linkId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "key" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "bot" BOOLEAN NOT NULL,
    "country" TEXT,
    "device" TEXT,
    "browser" TEXT,
    "os" TEXT,
    "referrerHost" TEXT,
    "social" TEXT,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmTerm" TEXT,
    "utmContent" TEXT,
    "clicks" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClickCube_pkey" PRIMARY KEY ("linkId","hour","key")
);

-- CreateIndex
CREATE INDEX "ClickCube_workspaceId_hour_idx" ON "ClickCube"("workspaceId", "hour");

-- Rollup counters are raised in place (heap-only updates): leave room on each page.
ALTER TABLE "ClickCube" SET (fillfactor = 70);
