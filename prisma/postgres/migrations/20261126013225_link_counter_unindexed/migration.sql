-- DropIndex
DROP INDEX "Link_workspaceId_clicks_idx";

-- Counters and daily rollups are raised thousands of times a second. Room left
-- on each page lets PostgreSQL write the new row version beside the old one
-- and skip the indexes (a heap-only update). Applies to pages written from now
-- on. Prisma does not model storage parameters: this lives here only.
ALTER TABLE "Link" SET (fillfactor = 70);
ALTER TABLE "ClickRollup" SET (fillfactor = 70);
