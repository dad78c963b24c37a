-- AlterTable
ALTER TABLE "ClickScopeDay" ADD COLUMN     "hours" TEXT;
