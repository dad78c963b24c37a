-- A workspace's link map (lib/analytics/link-map.ts: each link's campaign, channel and
-- tags, and the channels' kinds) is kept by analytics while this number stays. The
-- triggers below move it on every write that changes the map, whichever code writes.
-- SQLite rebuilds a table to change it (Prisma's "RedefineTables"), which drops its
-- triggers: a migration that rebuilds Link, LinkTag or Channel creates them again
-- (npm run db:check fails while one is missing).
ALTER TABLE "Workspace" ADD COLUMN "linkMapVersion" INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER "Link_linkMap_insert" AFTER INSERT ON "Link" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = NEW."workspaceId";
END;
CREATE TRIGGER "Link_linkMap_delete" AFTER DELETE ON "Link" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = OLD."workspaceId";
END;
CREATE TRIGGER "Link_linkMap_update" AFTER UPDATE OF "workspaceId", "campaignId", "channelId", "createdAt" ON "Link"
WHEN OLD."workspaceId" IS NOT NEW."workspaceId" OR OLD."campaignId" IS NOT NEW."campaignId" OR OLD."channelId" IS NOT NEW."channelId" OR OLD."createdAt" IS NOT NEW."createdAt" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" IN (OLD."workspaceId", NEW."workspaceId");
END;

CREATE TRIGGER "LinkTag_linkMap_insert" AFTER INSERT ON "LinkTag" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = NEW."linkId");
END;
CREATE TRIGGER "LinkTag_linkMap_delete" AFTER DELETE ON "LinkTag" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = OLD."linkId");
END;
CREATE TRIGGER "LinkTag_linkMap_update" AFTER UPDATE ON "LinkTag" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" IN (SELECT "workspaceId" FROM "Link" WHERE "id" IN (OLD."linkId", NEW."linkId"));
END;

CREATE TRIGGER "Channel_linkMap_insert" AFTER INSERT ON "Channel" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = NEW."workspaceId";
END;
CREATE TRIGGER "Channel_linkMap_delete" AFTER DELETE ON "Channel" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = OLD."workspaceId";
END;
CREATE TRIGGER "Channel_linkMap_update" AFTER UPDATE OF "workspaceId", "key", "kind" ON "Channel"
WHEN OLD."workspaceId" IS NOT NEW."workspaceId" OR OLD."key" IS NOT NEW."key" OR OLD."kind" IS NOT NEW."kind" BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" IN (OLD."workspaceId", NEW."workspaceId");
END;
