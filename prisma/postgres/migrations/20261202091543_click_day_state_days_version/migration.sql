-- AlterTable
ALTER TABLE "ClickDayState" ADD COLUMN     "daysVersion" INTEGER NOT NULL DEFAULT 0;
