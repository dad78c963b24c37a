-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "qrLogo" BLOB;
