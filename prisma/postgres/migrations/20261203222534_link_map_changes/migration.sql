-- Each move of a workspace's linkMapVersion is logged with the link it is for (null: a
-- channel), so a server that kept the link map at an older version reads only those
-- links again (lib/analytics/link-map.ts). One row per move: the reader knows its
-- log is whole when it holds as many rows as the version moved.
-- CreateTable
CREATE TABLE "LinkMapChange" (
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "linkId" TEXT,

    CONSTRAINT "LinkMapChange_pkey" PRIMARY KEY ("workspaceId","version")
);

-- Moves the version and logs the move, in one go (the UPDATE locks the workspace's
-- row, so two writers' moves take turns and get their own numbers).
CREATE FUNCTION "linkMap_bump"(ws TEXT, link TEXT) RETURNS void LANGUAGE plpgsql AS E'
DECLARE v INTEGER\073
BEGIN
  UPDATE "Workspace" SET "linkMapVersion" = "linkMapVersion" + 1 WHERE "id" = ws RETURNING "linkMapVersion" INTO v\073
  IF FOUND THEN
    INSERT INTO "LinkMapChange" ("workspaceId", "version", "linkId") VALUES (ws, v, link)\073
  END IF\073
END ';

-- The triggers stay (link_map_version), and their functions now move the version through linkMap_bump.
CREATE OR REPLACE FUNCTION "linkMap_moved"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    PERFORM "linkMap_bump"(OLD."workspaceId", CASE WHEN TG_TABLE_NAME = ''Link'' THEN OLD."id" END)\073
  END IF\073
  IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND NEW."workspaceId" IS DISTINCT FROM OLD."workspaceId") THEN
    PERFORM "linkMap_bump"(NEW."workspaceId", CASE WHEN TG_TABLE_NAME = ''Link'' THEN NEW."id" END)\073
  END IF\073
  RETURN NULL\073
END ';

CREATE OR REPLACE FUNCTION "linkMap_tag_moved"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    PERFORM "linkMap_bump"((SELECT "workspaceId" FROM "Link" WHERE "id" = OLD."linkId"), OLD."linkId")\073
  END IF\073
  IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND NEW."linkId" IS DISTINCT FROM OLD."linkId") THEN
    PERFORM "linkMap_bump"((SELECT "workspaceId" FROM "Link" WHERE "id" = NEW."linkId"), NEW."linkId")\073
  END IF\073
  RETURN NULL\073
END ';
