-- Default channels are now created with the workspace (lib/workspaces/create-workspace.ts),
-- no longer on the first read of the channel list. Give every existing workspace that never
-- had them seeded (no "channelsSeeded" flag in its settings) the defaults of that day
-- (lib/channels/default-channels.ts). A workspace that had them keeps its own choices,
-- deleted defaults included.
WITH "d"("position", "key", "name", "kind", "utmSource", "utmMedium") AS (VALUES
  (0, 'facebook', 'Facebook', 'social_media', 'facebook', 'social'),
  (1, 'instagram', 'Instagram', 'social_media', 'instagram', 'social'),
  (2, 'x', 'X', 'social_media', 'x', 'social'),
  (3, 'linkedin', 'LinkedIn', 'social_network', 'linkedin', 'social'),
  (4, 'xing', 'XING', 'social_network', 'xing', 'social'),
  (5, 'tiktok', 'TikTok', 'social_media', 'tiktok', 'social'),
  (6, 'youtube', 'YouTube', 'social_media', 'youtube', 'video'),
  (7, 'pinterest', 'Pinterest', 'social_media', 'pinterest', 'social'),
  (8, 'threads', 'Threads', 'social_media', 'threads', 'social'),
  (9, 'reddit', 'Reddit', 'social_media', 'reddit', 'social'),
  (10, 'snapchat', 'Snapchat', 'social_media', 'snapchat', 'social'),
  (11, 'whatsapp', 'WhatsApp', 'messaging', 'whatsapp', 'messaging'),
  (12, 'email', 'Email', 'email', 'email', 'email'),
  (13, 'newsletter', 'Newsletter', 'email', 'newsletter', 'email'),
  (14, 'print', 'Print (QR)', 'offline', 'print', 'offline')
)
INSERT INTO "Channel" ("id", "workspaceId", "key", "name", "kind", "utmSource", "utmMedium", "position", "createdAt")
SELECT 'ch' || lower(hex(randomblob(12))), "w"."id", "d"."key", "d"."name", "d"."kind", "d"."utmSource", "d"."utmMedium", "d"."position", strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
FROM "Workspace" AS "w" CROSS JOIN "d"
WHERE coalesce(json_extract("w"."settings", '$.channelsSeeded'), 0) != 1
ON CONFLICT ("workspaceId", "key") DO NOTHING;
