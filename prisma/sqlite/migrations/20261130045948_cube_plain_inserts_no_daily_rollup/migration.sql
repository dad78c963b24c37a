-- DropIndex
DROP INDEX "ClickRollup_workspaceId_day_idx";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ClickRollup";
PRAGMA foreign_keys=on;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ClickCube" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "linkId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "visitorHash" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "bot" BOOLEAN NOT NULL,
    "country" TEXT,
    "city" TEXT,
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
    "clicks" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_ClickCube" ("bot", "browser", "city", "clicks", "country", "device", "hour", "linkId", "os", "referrerHost", "social", "trigger", "utmCampaign", "utmContent", "utmMedium", "utmSource", "utmTerm", "visitorHash", "workspaceId") SELECT "bot", "browser", "city", "clicks", "country", "device", "hour", "linkId", "os", "referrerHost", "social", "trigger", "utmCampaign", "utmContent", "utmMedium", "utmSource", "utmTerm", "visitorHash", "workspaceId" FROM "ClickCube";
DROP TABLE "ClickCube";
ALTER TABLE "new_ClickCube" RENAME TO "ClickCube";
CREATE INDEX "ClickCube_workspaceId_hour_idx" ON "ClickCube"("workspaceId", "hour");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
