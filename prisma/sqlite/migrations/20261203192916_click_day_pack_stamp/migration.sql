-- A pack's stamp: a new number each time the pack is written (lib/analytics/day-pack.ts
-- writePack), so a server may keep packs it read while their stamp stays
-- (lib/analytics/pack-cache.ts). Added in place: Prisma's RedefineTables would copy
-- every pack (hundreds of megabytes at ten million clicks) to add a column.
ALTER TABLE "ClickDayPack" ADD COLUMN "stamp" INTEGER NOT NULL DEFAULT 0;
