-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "rawClickRetentionDays" INTEGER;

-- AlterTable
DELETE FROM "ClickCube";
ALTER TABLE "ClickCube" ADD COLUMN     "city" TEXT,
ADD COLUMN     "visitorHash" TEXT NOT NULL;

-- The rollup gains the visitor hash (exact unique visitors) and the city: it
-- is rebuilt from the raw clicks, one row per link, UTC hour, visitor and
-- combination of dimensions, keyed "m" + a click id (rows the click writer
-- adds later use hashed keys: any key is exact).
DELETE FROM "ClickCube";
INSERT INTO "ClickCube" ("linkId", "hour", "key", "workspaceId", "visitorHash", "trigger", "bot", "country", "city", "device", "browser", "os", "referrerHost", "social", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "clicks")
SELECT "linkId", "hour", 'm' || MIN("id"), "workspaceId", "visitorHash", "trigger", "bot", "country", "city", "device", "browser", "os", "referrerHost", social, "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", COUNT(*)
FROM (
  SELECT c."id", c."linkId", date_trunc('hour', c."createdAt") AS "hour", c."workspaceId", c."visitorHash", c."trigger", c."bot", c."country", c."city", c."device", c."browser", c."os", c."referrerHost", social, c."utmSource", c."utmMedium", c."utmCampaign", c."utmTerm", c."utmContent"
  FROM (SELECT *, (CASE
  WHEN LOWER(c."referrerHost") = 'facebook.com' OR LOWER(c."referrerHost") LIKE '%.facebook.com' OR LOWER(c."referrerHost") = 'fb.com' OR LOWER(c."referrerHost") LIKE '%.fb.com' OR LOWER(c."referrerHost") = 'fb.me' OR LOWER(c."referrerHost") LIKE '%.fb.me' OR LOWER(c."referrerHost") = 'l.facebook.com' OR LOWER(c."referrerHost") LIKE '%.l.facebook.com' OR LOWER(c."referrerHost") = 'lm.facebook.com' OR LOWER(c."referrerHost") LIKE '%.lm.facebook.com' THEN 'facebook'
  WHEN LOWER(c."referrerHost") = 'instagram.com' OR LOWER(c."referrerHost") LIKE '%.instagram.com' OR LOWER(c."referrerHost") = 'l.instagram.com' OR LOWER(c."referrerHost") LIKE '%.l.instagram.com' THEN 'instagram'
  WHEN LOWER(c."referrerHost") = 'x.com' OR LOWER(c."referrerHost") LIKE '%.x.com' OR LOWER(c."referrerHost") = 'twitter.com' OR LOWER(c."referrerHost") LIKE '%.twitter.com' OR LOWER(c."referrerHost") = 't.co' OR LOWER(c."referrerHost") LIKE '%.t.co' THEN 'x'
  WHEN LOWER(c."referrerHost") = 'linkedin.com' OR LOWER(c."referrerHost") LIKE '%.linkedin.com' OR LOWER(c."referrerHost") = 'lnkd.in' OR LOWER(c."referrerHost") LIKE '%.lnkd.in' THEN 'linkedin'
  WHEN LOWER(c."referrerHost") = 'xing.com' OR LOWER(c."referrerHost") LIKE '%.xing.com' THEN 'xing'
  WHEN LOWER(c."referrerHost") = 'tiktok.com' OR LOWER(c."referrerHost") LIKE '%.tiktok.com' THEN 'tiktok'
  WHEN LOWER(c."referrerHost") = 'youtube.com' OR LOWER(c."referrerHost") LIKE '%.youtube.com' OR LOWER(c."referrerHost") = 'youtu.be' OR LOWER(c."referrerHost") LIKE '%.youtu.be' THEN 'youtube'
  WHEN LOWER(c."referrerHost") = 'pinterest.com' OR LOWER(c."referrerHost") LIKE '%.pinterest.com' OR LOWER(c."referrerHost") = 'pin.it' OR LOWER(c."referrerHost") LIKE '%.pin.it' THEN 'pinterest'
  WHEN LOWER(c."referrerHost") = 'reddit.com' OR LOWER(c."referrerHost") LIKE '%.reddit.com' OR LOWER(c."referrerHost") = 'out.reddit.com' OR LOWER(c."referrerHost") LIKE '%.out.reddit.com' OR LOWER(c."referrerHost") = 'redd.it' OR LOWER(c."referrerHost") LIKE '%.redd.it' THEN 'reddit'
  WHEN LOWER(c."referrerHost") = 'threads.net' OR LOWER(c."referrerHost") LIKE '%.threads.net' OR LOWER(c."referrerHost") = 'threads.com' OR LOWER(c."referrerHost") LIKE '%.threads.com' OR LOWER(c."referrerHost") = 'l.threads.net' OR LOWER(c."referrerHost") LIKE '%.l.threads.net' THEN 'threads'
  WHEN LOWER(c."referrerHost") = 'snapchat.com' OR LOWER(c."referrerHost") LIKE '%.snapchat.com' THEN 'snapchat'
  WHEN LOWER(c."referrerHost") = 'mastodon.social' OR LOWER(c."referrerHost") LIKE '%.mastodon.social' OR LOWER(c."referrerHost") = 'mastodon.online' OR LOWER(c."referrerHost") LIKE '%.mastodon.online' OR LOWER(c."referrerHost") = 'mstdn.social' OR LOWER(c."referrerHost") LIKE '%.mstdn.social' THEN 'mastodon'
  WHEN LOWER(c."referrerHost") = 'bsky.app' OR LOWER(c."referrerHost") LIKE '%.bsky.app' OR LOWER(c."referrerHost") = 'go.bsky.app' OR LOWER(c."referrerHost") LIKE '%.go.bsky.app' THEN 'bluesky'
  WHEN LOWER(c."referrerHost") = 'whatsapp.com' OR LOWER(c."referrerHost") LIKE '%.whatsapp.com' OR LOWER(c."referrerHost") = 'wa.me' OR LOWER(c."referrerHost") LIKE '%.wa.me' OR LOWER(c."referrerHost") = 'web.whatsapp.com' OR LOWER(c."referrerHost") LIKE '%.web.whatsapp.com' THEN 'whatsapp'
  WHEN LOWER(c."referrerHost") = 't.me' OR LOWER(c."referrerHost") LIKE '%.t.me' OR LOWER(c."referrerHost") = 'telegram.org' OR LOWER(c."referrerHost") LIKE '%.telegram.org' OR LOWER(c."referrerHost") = 'web.telegram.org' OR LOWER(c."referrerHost") LIKE '%.web.telegram.org' THEN 'telegram'
  WHEN LOWER(TRIM(c."utmSource")) IN ('facebook', 'fb', 'meta') THEN 'facebook'
  WHEN LOWER(TRIM(c."utmSource")) IN ('instagram', 'ig') THEN 'instagram'
  WHEN LOWER(TRIM(c."utmSource")) IN ('x', 'twitter') THEN 'x'
  WHEN LOWER(TRIM(c."utmSource")) IN ('linkedin') THEN 'linkedin'
  WHEN LOWER(TRIM(c."utmSource")) IN ('xing') THEN 'xing'
  WHEN LOWER(TRIM(c."utmSource")) IN ('tiktok') THEN 'tiktok'
  WHEN LOWER(TRIM(c."utmSource")) IN ('youtube', 'yt') THEN 'youtube'
  WHEN LOWER(TRIM(c."utmSource")) IN ('pinterest') THEN 'pinterest'
  WHEN LOWER(TRIM(c."utmSource")) IN ('reddit') THEN 'reddit'
  WHEN LOWER(TRIM(c."utmSource")) IN ('threads') THEN 'threads'
  WHEN LOWER(TRIM(c."utmSource")) IN ('snapchat') THEN 'snapchat'
  WHEN LOWER(TRIM(c."utmSource")) IN ('mastodon') THEN 'mastodon'
  WHEN LOWER(TRIM(c."utmSource")) IN ('bluesky', 'bsky') THEN 'bluesky'
  WHEN LOWER(TRIM(c."utmSource")) IN ('whatsapp', 'wa') THEN 'whatsapp'
  WHEN LOWER(TRIM(c."utmSource")) IN ('telegram') THEN 'telegram'
  ELSE NULL END) AS social FROM "Click" c WHERE c."event" = 'click' AND c."linkId" IS NOT NULL) c
) r
GROUP BY "linkId", "hour", "workspaceId", "visitorHash", "trigger", "bot", "country", "city", "device", "browser", "os", "referrerHost", social, "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent";
