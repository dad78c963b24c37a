-- The link map of a workspace (lib/analytics/link-map.ts: each link's campaign, channel and
-- tags, and the channels' kinds) is kept by analytics while this number stays. The
-- triggers below move it on every write that changes the map, whichever code writes
-- (npm run db:check fails while one is missing).
-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "linkMapVersion" INTEGER NOT NULL DEFAULT 0;

-- Bodies are E-strings with \073 for each semicolon: Prisma's migrate (through the
-- pg driver adapter) cuts a script at every semicolon, dollar quotes or not.

-- Link and Channel carry their workspace (a row moved between workspaces moves both).
CREATE FUNCTION "linkMap_moved"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = OLD."workspaceId"\073
  END IF\073
  IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND NEW."workspaceId" IS DISTINCT FROM OLD."workspaceId") THEN
    UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = NEW."workspaceId"\073
  END IF\073
  RETURN NULL\073
END ';

-- The tags of a link: the workspace is that of the link.
CREATE FUNCTION "linkMap_tag_moved"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = OLD."linkId")\073
  END IF\073
  IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND NEW."linkId" IS DISTINCT FROM OLD."linkId") THEN
    UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = (SELECT "workspaceId" FROM "Link" WHERE "id" = NEW."linkId")\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER "Link_linkMap_write" AFTER INSERT OR DELETE ON "Link" FOR EACH ROW EXECUTE FUNCTION "linkMap_moved"();
CREATE TRIGGER "Link_linkMap_update" AFTER UPDATE OF "workspaceId", "campaignId", "channelId", "createdAt" ON "Link" FOR EACH ROW
  WHEN (OLD."workspaceId" IS DISTINCT FROM NEW."workspaceId" OR OLD."campaignId" IS DISTINCT FROM NEW."campaignId" OR OLD."channelId" IS DISTINCT FROM NEW."channelId" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt")
  EXECUTE FUNCTION "linkMap_moved"();
CREATE TRIGGER "LinkTag_linkMap_write" AFTER INSERT OR DELETE OR UPDATE ON "LinkTag" FOR EACH ROW EXECUTE FUNCTION "linkMap_tag_moved"();
CREATE TRIGGER "Channel_linkMap_write" AFTER INSERT OR DELETE ON "Channel" FOR EACH ROW EXECUTE FUNCTION "linkMap_moved"();
CREATE TRIGGER "Channel_linkMap_update" AFTER UPDATE OF "workspaceId", "key", "kind" ON "Channel" FOR EACH ROW
  WHEN (OLD."workspaceId" IS DISTINCT FROM NEW."workspaceId" OR OLD."key" IS DISTINCT FROM NEW."key" OR OLD."kind" IS DISTINCT FROM NEW."kind")
  EXECUTE FUNCTION "linkMap_moved"();
