-- DropForeignKey
ALTER TABLE "Click" DROP CONSTRAINT "Click_workspaceId_fkey";
