-- CreateTable
CREATE TABLE "ClickDayPack" (
    "workspaceId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "slots" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ClickDayPack_pkey" PRIMARY KEY ("workspaceId","day")
);
