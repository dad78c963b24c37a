-- AlterTable
ALTER TABLE "ClickScopeDay" ADD COLUMN "summary" TEXT;
