-- CreateTable
CREATE TABLE "ClickScopeMonth" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "data" TEXT NOT NULL,

    CONSTRAINT "ClickScopeMonth_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClickScopeMonth_workspaceId_kind_ref_month_idx" ON "ClickScopeMonth"("workspaceId", "kind", "ref", "month");
