import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** Campaign and channel ids must belong to the workspace; otherwise they "do not exist". */
export async function checkLinkRefs(tx: Tx, workspaceId: string, refs: { campaignId?: string | null; channelId?: string | null }) {
  if (refs.campaignId) {
    const c = await tx.campaign.findFirst({ where: { id: refs.campaignId, workspaceId }, select: { id: true } });
    if (!c) throw new AppError("unprocessable", "That campaign does not exist in this workspace.", { fields: { campaignId: "Unknown campaign." } });
  }
  if (refs.channelId) {
    const c = await tx.channel.findFirst({ where: { id: refs.channelId, workspaceId }, select: { id: true } });
    if (!c) throw new AppError("unprocessable", "That channel does not exist in this workspace.", { fields: { channelId: "Unknown channel." } });
  }
}

/** Replaces a link's tags with these names, creating tags that are new. */
export async function setLinkTags(tx: Tx, workspaceId: string, linkId: string, names: string[]) {
  const unique = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
  await tx.linkTag.deleteMany({ where: { linkId } });
  for (const name of unique) {
    const existing = await tx.tag.findFirst({ where: { workspaceId, name }, select: { id: true } });
    const tag = existing ?? (await tx.tag.create({ data: { workspaceId, name }, select: { id: true } }));
    await tx.linkTag.create({ data: { linkId, tagId: tag.id } });
  }
}
