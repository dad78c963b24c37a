-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionsValidFrom" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Domain" ADD COLUMN     "checkError" TEXT,
ADD COLUMN     "checkedAt" TIMESTAMP(3);
