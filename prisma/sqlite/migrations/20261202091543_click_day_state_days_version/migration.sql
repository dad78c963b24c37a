-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ClickDayState" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "from" DATETIME NOT NULL,
    "through" DATETIME NOT NULL,
    "mapping" TEXT,
    "kinds" TEXT,
    "daysVersion" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ClickDayState" ("from", "kinds", "mapping", "through", "updatedAt", "workspaceId") SELECT "from", "kinds", "mapping", "through", "updatedAt", "workspaceId" FROM "ClickDayState";
DROP TABLE "ClickDayState";
ALTER TABLE "new_ClickDayState" RENAME TO "ClickDayState";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
