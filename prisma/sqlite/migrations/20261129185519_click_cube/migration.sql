-- CreateTable
CREATE TABLE "ClickCube" (
    "linkId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
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

    PRIMARY KEY ("linkId", "hour", "key")
);

-- CreateIndex
CREATE INDEX "ClickCube_workspaceId_hour_idx" ON "ClickCube"("workspaceId", "hour");
