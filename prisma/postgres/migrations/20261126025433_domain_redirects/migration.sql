-- AlterTable
ALTER TABLE "Domain" ADD COLUMN     "notFoundUrl" TEXT,
ADD COLUMN     "rootUrl" TEXT;
