-- DropIndex
DROP INDEX "Link_workspaceId_clicks_idx";
