-- Written by hand (Prisma 6 cannot declare a partial index; `db pull` reads
-- these as the schema's plain @@index, so `npm run db:check` holds). A bio
-- page view has no link and a short link's click most often no bio page:
-- neither index keeps an entry for a row without its key, which saves the
-- click writer an index insert for every row (lookups by a link or a page
-- name it, so they still use these).
DROP INDEX "Click_linkId_createdAt_idx";
CREATE INDEX "Click_linkId_createdAt_idx" ON "Click"("linkId", "createdAt") WHERE "linkId" IS NOT NULL;
DROP INDEX "Click_bioPageId_createdAt_idx";
CREATE INDEX "Click_bioPageId_createdAt_idx" ON "Click"("bioPageId", "createdAt") WHERE "bioPageId" IS NOT NULL;
