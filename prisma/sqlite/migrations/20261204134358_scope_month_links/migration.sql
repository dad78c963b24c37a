-- AlterTable
ALTER TABLE "ClickScopeMonth" ADD COLUMN "links" BLOB;
