import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { invalidateLinks } from "@/lib/redirect/redirect-cache";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { DEFAULT_DOMAIN } from "@/lib/links/default-domain";
import { insertLink } from "@/lib/links/insert-link";
import { linkInclude, presentLink } from "@/lib/links/present-link";
import { createLinkSchema } from "@/lib/links/schemas";
import { randomSlug } from "@/lib/links/slug";
import { findCampaignRow } from "./get-campaign";
import { channelLinkSetSchema, type ChannelLinkSetInput } from "./schemas";

const ATTEMPTS = 3;

/** "Spring Sale 2026" -> "spring-sale-2026": the utm_campaign when the campaign sets none. */
export function slugifyCampaignName(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 100) || "campaign"
  );
}

/**
 * One destination, one short link per channel, all in one transaction: each
 * link gets the channel's utm_source/utm_medium, the campaign's utm_campaign
 * (or its slugified name) and the campaign's other UTM defaults. If any link
 * fails, none is created.
 */
export async function createChannelLinkSet(access: WorkspaceAccess, campaignId: string, input: ChannelLinkSetInput) {
  const { url, channelIds } = channelLinkSetSchema.parse(input);
  const workspaceId = access.workspace.id;
  const campaign = await findCampaignRow(db(), workspaceId, campaignId);
  const utmCampaign = campaign.utmCampaign ?? slugifyCampaignName(campaign.name);
  const domain = DEFAULT_DOMAIN;

  for (let attempt = 0; ; attempt++) {
    try {
      const rows = await db().$transaction(async (tx) => {
        const created = [];
        for (const channelId of channelIds) {
          const channel = await tx.channel.findFirst({ where: { id: channelId, workspaceId } });
          if (!channel) throw new AppError("unprocessable", "One of those channels does not exist in this workspace.", { fields: { channelIds: "Unknown channel." } });
          const fields = createLinkSchema.parse({
            url,
            title: `${campaign.name} · ${channel.name}`.slice(0, 200),
            campaignId: campaign.id,
            channelId: channel.id,
            utm: { source: channel.utmSource, medium: channel.utmMedium, campaign: utmCampaign },
          });
          // A failed insert aborts a PostgreSQL transaction, so look before writing;
          // a collision in the gap still rolls the whole set back and retries.
          let slug = randomSlug();
          while (await tx.link.findUnique({ where: { domain_slug: { domain, slug } }, select: { id: true } })) slug = randomSlug();
          const id = await insertLink(tx, access, fields, slug);
          created.push(await tx.link.findUniqueOrThrow({ where: { id }, include: linkInclude }));
        }
        return created;
      });
      await invalidateLinks(rows);
      return rows.map(presentLink);
    } catch (err) {
      if (!isUniqueViolation(err) || attempt + 1 >= ATTEMPTS) throw err;
    }
  }
}
