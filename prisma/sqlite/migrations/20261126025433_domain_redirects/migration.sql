-- AlterTable
ALTER TABLE "Domain" ADD COLUMN "notFoundUrl" TEXT;
ALTER TABLE "Domain" ADD COLUMN "rootUrl" TEXT;
