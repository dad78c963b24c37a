-- AlterTable
ALTER TABLE "User" ADD COLUMN "sessionsValidFrom" DATETIME;

-- AlterTable
ALTER TABLE "Domain" ADD COLUMN "checkError" TEXT;
ALTER TABLE "Domain" ADD COLUMN "checkedAt" DATETIME;
