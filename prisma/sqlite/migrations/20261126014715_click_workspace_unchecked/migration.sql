-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Click" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "referrerHost" TEXT,
    "referrer" TEXT,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmTerm" TEXT,
    "utmContent" TEXT,
    "country" TEXT,
    "city" TEXT,
    "device" TEXT,
    "browser" TEXT,
    "os" TEXT,
    "visitorHash" TEXT NOT NULL,
    "bot" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Click" ("bot", "browser", "city", "country", "createdAt", "device", "domain", "id", "linkId", "os", "referrer", "referrerHost", "trigger", "utmCampaign", "utmContent", "utmMedium", "utmSource", "utmTerm", "visitorHash", "workspaceId") SELECT "bot", "browser", "city", "country", "createdAt", "device", "domain", "id", "linkId", "os", "referrer", "referrerHost", "trigger", "utmCampaign", "utmContent", "utmMedium", "utmSource", "utmTerm", "visitorHash", "workspaceId" FROM "Click";
DROP TABLE "Click";
ALTER TABLE "new_Click" RENAME TO "Click";
CREATE INDEX "Click_workspaceId_createdAt_idx" ON "Click"("workspaceId", "createdAt");
CREATE INDEX "Click_linkId_createdAt_idx" ON "Click"("linkId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
