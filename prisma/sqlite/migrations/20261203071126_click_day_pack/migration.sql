-- CreateTable
CREATE TABLE "ClickDayPack" (
    "workspaceId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "slots" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "data" BLOB NOT NULL,

PRIMARY KEY ("workspaceId", "day")
);
