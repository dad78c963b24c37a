-- CreateTable
CREATE TABLE "SharedReport" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SharedReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SharedReport_tokenHash_key" ON "SharedReport"("tokenHash");

-- CreateIndex
CREATE INDEX "SharedReport_workspaceId_kind_targetId_idx" ON "SharedReport"("workspaceId", "kind", "targetId");

-- AddForeignKey
ALTER TABLE "SharedReport" ADD CONSTRAINT "SharedReport_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
