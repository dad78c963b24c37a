-- Each move of a workspace's linkMapVersion is logged with the link it is for (null: a
-- channel), so a server that kept the link map at an older version reads only those
-- links again (lib/analytics/link-map.ts). One row per move: the reader knows its
-- log is whole when it holds as many rows as the version moved. The triggers of
-- link_map_version are made again with the log's insert after each move (SQLite has
-- one writer at a time: the version read back is the one just written).
-- CreateTable
CREATE TABLE "LinkMapChange" (
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "linkId" TEXT,

PRIMARY KEY ("workspaceId", "version")
);

DROP TRIGGER "Link_linkMap_insert";
CREATE TRIGGER "Link_linkMap_insert" AFTER INSERT ON "Link" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = NEW."workspaceId";
  INSERT INTO "LinkMapChange" ("workspaceId", "version", "linkId") SELECT "id", "linkMapVersion", NEW."id" FROM "Workspace" WHERE "id" = NEW."workspaceId";
END;

DROP TRIGGER "Link_linkMap_delete";
CREATE TRIGGER "Link_linkMap_delete" AFTER DELETE ON "Link" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = OLD."workspaceId";
  INSERT INTO "LinkMapChange" ("workspaceId", "version", "linkId") SELECT "id", "linkMapVersion", OLD."id" FROM "Workspace" WHERE "id" = OLD."workspaceId";
END;

DROP TRIGGER "Link_linkMap_update";
CREATE TRIGGER "Link_linkMap_update" AFTER UPDATE OF "workspaceId", "campaignId", "channelId", "createdAt" ON "Link"
WHEN OLD."workspaceId" IS NOT NEW."workspaceId" OR OLD."campaignId" IS NOT NEW."campaignId" OR OLD."channelId" IS NOT NEW."channelId" OR OLD."createdAt" IS NOT NEW."createdAt" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" IN (OLD."workspaceId", NEW."workspaceId");
  INSERT INTO "LinkMapChange" ("workspaceId", "version", "linkId") SELECT "id", "linkMapVersion", NEW."id" FROM "Workspace" WHERE "id" IN (OLD."workspaceId", NEW."workspaceId");
END;

DROP TRIGGER "LinkTag_linkMap_insert";
CREATE TRIGGER "LinkTag_linkMap_insert" AFTER INSERT ON "LinkTag" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = NEW."linkId");
  INSERT INTO "LinkMapChange" ("workspaceId", "version", "linkId") SELECT "id", "linkMapVersion", NEW."linkId" FROM "Workspace" WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = NEW."linkId");
END;

DROP TRIGGER "LinkTag_linkMap_delete";
CREATE TRIGGER "LinkTag_linkMap_delete" AFTER DELETE ON "LinkTag" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = OLD."linkId");
  INSERT INTO "LinkMapChange" ("workspaceId", "version", "linkId") SELECT "id", "linkMapVersion", OLD."linkId" FROM "Workspace" WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = OLD."linkId");
END;

DROP TRIGGER "LinkTag_linkMap_update";
CREATE TRIGGER "LinkTag_linkMap_update" AFTER UPDATE ON "LinkTag" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = OLD."linkId");
  INSERT INTO "LinkMapChange" ("workspaceId", "version", "linkId") SELECT "id", "linkMapVersion", OLD."linkId" FROM "Workspace" WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = OLD."linkId");
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = NEW."linkId") AND NEW."linkId" IS NOT OLD."linkId";
  INSERT INTO "LinkMapChange" ("workspaceId", "version", "linkId") SELECT "id", "linkMapVersion", NEW."linkId" FROM "Workspace" WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = NEW."linkId") AND NEW."linkId" IS NOT OLD."linkId";
END;

DROP TRIGGER "Channel_linkMap_insert";
CREATE TRIGGER "Channel_linkMap_insert" AFTER INSERT ON "Channel" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = NEW."workspaceId";
  INSERT INTO "LinkMapChange" ("workspaceId", "version", "linkId") SELECT "id", "linkMapVersion", NULL FROM "Workspace" WHERE "id" = NEW."workspaceId";
END;

DROP TRIGGER "Channel_linkMap_delete";
CREATE TRIGGER "Channel_linkMap_delete" AFTER DELETE ON "Channel" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = OLD."workspaceId";
  INSERT INTO "LinkMapChange" ("workspaceId", "version", "linkId") SELECT "id", "linkMapVersion", NULL FROM "Workspace" WHERE "id" = OLD."workspaceId";
END;

DROP TRIGGER "Channel_linkMap_update";
CREATE TRIGGER "Channel_linkMap_update" AFTER UPDATE OF "workspaceId", "key", "kind" ON "Channel"
WHEN OLD."workspaceId" IS NOT NEW."workspaceId" OR OLD."key" IS NOT NEW."key" OR OLD."kind" IS NOT NEW."kind" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" IN (OLD."workspaceId", NEW."workspaceId");
  INSERT INTO "LinkMapChange" ("workspaceId", "version", "linkId") SELECT "id", "linkMapVersion", NULL FROM "Workspace" WHERE "id" IN (OLD."workspaceId", NEW."workspaceId");
END;
