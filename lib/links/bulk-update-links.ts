import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { checkLinkRefs } from "./link-refs";
import { invalidateLinks } from "@/lib/redirect/redirect-cache";
import { tagNameSchema } from "./schemas";

export const bulkUpdateSchema = z.object({
  ids: z.array(z.string().max(40)).min(1, "Select at least one link.").max(100, "Change at most 100 links at once."),
  addTags: z.array(tagNameSchema).max(20).optional(),
  removeTags: z.array(tagNameSchema).max(20).optional(),
  campaignId: z.string().max(40).nullish(),
  disabled: z.boolean().optional(),
  archived: z.boolean().optional(),
});
export type BulkUpdateInput = z.input<typeof bulkUpdateSchema>;

/**
 * Tags, moves to a campaign, disables or archives many links at once, all or
 * nothing. Ids of other workspaces are skipped like missing ones; the count
 * says how many links changed.
 */
export async function bulkUpdateLinks(access: WorkspaceAccess, input: BulkUpdateInput): Promise<{ updated: number }> {
  const q = bulkUpdateSchema.parse(input);
  const workspaceId = access.workspace.id;
  return db().$transaction(async (tx) => {
    const links = await tx.link.findMany({ where: { workspaceId, id: { in: q.ids } }, select: { id: true, domain: true, slug: true } });
    const ids = links.map((l) => l.id);
    if (ids.length === 0) return { updated: 0, links };
    await checkLinkRefs(tx, workspaceId, { campaignId: q.campaignId });
    const data = {
      ...(q.campaignId !== undefined ? { campaignId: q.campaignId } : {}),
      ...(q.disabled !== undefined ? { disabled: q.disabled } : {}),
      ...(q.archived !== undefined ? { archived: q.archived } : {}),
    };
    if (Object.keys(data).length) await tx.link.updateMany({ where: { id: { in: ids } }, data });
    for (const name of q.addTags ?? []) {
      const tag = (await tx.tag.findFirst({ where: { workspaceId, name }, select: { id: true } })) ?? (await tx.tag.create({ data: { workspaceId, name }, select: { id: true } }));
      const already = new Set((await tx.linkTag.findMany({ where: { tagId: tag.id, linkId: { in: ids } }, select: { linkId: true } })).map((t) => t.linkId));
      const missing = ids.filter((id) => !already.has(id));
      if (missing.length) await tx.linkTag.createMany({ data: missing.map((linkId) => ({ linkId, tagId: tag.id })) });
    }
    if (q.removeTags?.length) {
      await tx.linkTag.deleteMany({ where: { linkId: { in: ids }, tag: { workspaceId, name: { in: q.removeTags } } } });
    }
    return { updated: ids.length, links };
  }).then(async ({ updated, links }) => {
    await invalidateLinks(links);
    return { updated };
  });
}
