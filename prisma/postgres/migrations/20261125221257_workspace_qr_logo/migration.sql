-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "qrLogo" BYTEA;
