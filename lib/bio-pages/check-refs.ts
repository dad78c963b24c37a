import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { shortLinkDestinationError } from "@/lib/links/self-link";
import type { BioBlock } from "./schemas";

/**
 * A URL button may not lead to one of Pennant's short-link domains (a loop,
 * or a chain through another workspace's links): the rule every link write
 * follows, applied when the draft is saved, not only when publishing makes
 * the button's short link. Same message as there, on the block's field.
 */
export async function checkButtonDestinations(tx: Pick<Tx, "domain">, blocks: BioBlock[]): Promise<void> {
  const urls = blocks.map((b) => (b.type === "link" && !b.linkId && b.url ? b.url : null));
  const hosts = [...new Set(urls.flatMap((u) => (u ? [new URL(u).hostname.toLowerCase().replace(/\.$/, "")] : [])))];
  if (!hosts.length) return;
  const domains = new Set((await tx.domain.findMany({ where: { hostname: { in: hosts } }, select: { hostname: true } })).map((d) => d.hostname.toLowerCase()));
  if (!domains.size) return;
  for (const [i, url] of urls.entries()) {
    const refused = url ? shortLinkDestinationError({ url }, domains) : null;
    if (refused) throw new AppError("unprocessable", refused.message, { fields: { [`blocks.${i}.url`]: "Use the final destination, not a short link." } });
  }
}

/** Short links and images named by blocks must be the workspace's own, and buttons lead off Pennant (422 naming the block's field). */
export async function checkBlockRefs(tx: Tx, workspaceId: string, blocks: BioBlock[], extraImages: (string | null)[] = []): Promise<void> {
  await checkButtonDestinations(tx, blocks);
  const linkIds = blocks.flatMap((b) => (b.type === "link" && b.linkId ? [b.linkId] : []));
  if (linkIds.length) {
    const found = new Set((await tx.link.findMany({ where: { id: { in: linkIds }, workspaceId }, select: { id: true } })).map((l) => l.id));
    const i = blocks.findIndex((b) => b.type === "link" && b.linkId && !found.has(b.linkId));
    if (i !== -1) throw new AppError("unprocessable", "A button names a short link this workspace does not have.", { fields: { [`blocks.${i}.linkId`]: "Choose one of your short links." } });
  }
  const imageOf = (b: BioBlock) => (b.type === "image" ? b.imageId : b.type === "link" ? b.thumbnailId : null);
  const images = [...blocks.map(imageOf), ...extraImages].filter((x): x is string => !!x);
  if (images.length) {
    const found = new Set((await tx.bioImage.findMany({ where: { id: { in: images }, workspaceId }, select: { id: true } })).map((m) => m.id));
    const i = blocks.findIndex((b) => imageOf(b) && !found.has(imageOf(b)!));
    if (i !== -1) throw new AppError("unprocessable", "A block shows an image that was not uploaded to this workspace.", { fields: { [`blocks.${i}.imageId`]: "Upload the image again." } });
    if (extraImages.some((x) => x && !found.has(x))) throw new AppError("unprocessable", "The background image was not uploaded to this workspace.", { fields: { "theme.background": "Upload the image again." } });
  }
}
