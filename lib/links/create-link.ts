import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { defaultDomain, resolveLinkDomain } from "./domains";
import { checkLinkRefs, setLinkTags } from "./link-refs";
import { toLinkColumns } from "./link-data";
import { linkInclude, presentLink } from "./present-link";
import { createLinkSchema, type CreateLinkInput } from "./schemas";
import { randomSlug } from "./slug";
import { assertNotSelfLink } from "./self-link";

const RANDOM_SLUG_ATTEMPTS = 5;

export function slugTaken(domain: string, slug: string) {
  return new AppError("conflict", `The short link ${domain}/${slug} already exists. Pick another slug.`, { fields: { slug: "This slug is taken on this domain." } });
}

/**
 * Creates a short link in one transaction: destination validated, campaign
 * UTM defaults inherited, tags created as needed. Without a slug, a random
 * one is drawn (and drawn again on the rare collision).
 */
export async function createLink(access: WorkspaceAccess, input: CreateLinkInput) {
  const fields = createLinkSchema.parse(input);
  const workspaceId = access.workspace.id;
  for (let attempt = 0; ; attempt++) {
    const slug = fields.slug ?? randomSlug();
    try {
      const row = await db().$transaction(async (tx) => {
        const domain = await resolveLinkDomain(tx, workspaceId, fields.domain);
        assertNotSelfLink(fields.url, domain, slug);
        await checkLinkRefs(tx, workspaceId, fields);
        const campaign = fields.campaignId
          ? await tx.campaign.findUnique({ where: { id: fields.campaignId }, select: { utmSource: true, utmMedium: true, utmCampaign: true, utmTerm: true, utmContent: true } })
          : null;
        const columns = await toLinkColumns(fields);
        const link = await tx.link.create({
          data: {
            // Campaign defaults first; the link's own UTM values win.
            utmSource: campaign?.utmSource ?? null,
            utmMedium: campaign?.utmMedium ?? null,
            utmCampaign: campaign?.utmCampaign ?? null,
            utmTerm: campaign?.utmTerm ?? null,
            utmContent: campaign?.utmContent ?? null,
            ...columns,
            url: fields.url,
            workspaceId,
            domain,
            slug,
            campaignId: fields.campaignId ?? null,
            channelId: fields.channelId ?? null,
            createdById: access.userId,
          } as never,
          select: { id: true },
        });
        if (fields.tags?.length) await setLinkTags(tx, workspaceId, link.id, fields.tags);
        return tx.link.findUniqueOrThrow({ where: { id: link.id }, include: linkInclude });
      });
      return presentLink(row);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (fields.slug) throw slugTaken(fields.domain || defaultDomain(), fields.slug);
      if (attempt + 1 >= RANDOM_SLUG_ATTEMPTS) throw new AppError("conflict", "Could not find a free random slug; try again or choose one.");
    }
  }
}
