-- DropForeignKey
ALTER TABLE "ClickRollup" DROP CONSTRAINT "ClickRollup_workspaceId_fkey";

-- AlterTable
ALTER TABLE "ClickCube" DROP CONSTRAINT "ClickCube_pkey",
DROP COLUMN "key",
ADD COLUMN     "id" SERIAL NOT NULL,
ADD CONSTRAINT "ClickCube_pkey" PRIMARY KEY ("id");

-- DropTable
DROP TABLE "ClickRollup";
