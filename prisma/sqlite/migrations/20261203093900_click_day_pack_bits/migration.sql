-- Day packs are now stored as bit-packed columns (lib/analytics/day-pack.ts): the daily job packs every day again, newest first.
DELETE FROM "ClickDayPack";
