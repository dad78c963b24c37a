-- CreateIndex
CREATE INDEX "ClickDayPack_workspaceId_day_slots_stamp_idx" ON "ClickDayPack"("workspaceId", "day", "slots", "stamp");
