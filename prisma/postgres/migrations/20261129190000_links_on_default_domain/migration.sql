-- Links on the app address follow APP_URL: stored as the default domain (lib/links/default-domain.ts)
UPDATE "Link" SET "domain" = '' WHERE "domain" NOT IN (SELECT "hostname" FROM "Domain");
