-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "personal" BOOLEAN NOT NULL DEFAULT false,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "settings" JSONB,
    "qrLogo" BLOB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("createdAt", "id", "name", "personal", "qrLogo", "settings", "slug", "updatedAt") SELECT "createdAt", "id", "name", "personal", "qrLogo", "settings", "slug", "updatedAt" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");
CREATE TABLE "new_Click" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "event" TEXT NOT NULL DEFAULT 'click',
    "linkId" TEXT,
    "bioPageId" TEXT,
    "bioBlockId" TEXT,
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
CREATE INDEX "Click_bioPageId_createdAt_idx" ON "Click"("bioPageId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
