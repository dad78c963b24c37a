import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { createLinkSchema } from "@/lib/links/schemas";
import { insertLink } from "@/lib/links/insert-link";
import { randomSlug } from "@/lib/links/slug";
import { invalidateLinks } from "@/lib/redirect/redirect-cache";
import { asJson, blockData } from "./documents";
import { checkButtonDestinations } from "./check-refs";
import { findBioPageRow } from "./get-bio-page";
import { pageCacheKeys } from "./cache-keys";
import { invalidateBioPages } from "./page-cache";
import { bioPageSelect, draftOf, liveDocument, presentBioPage } from "./present-bio-page";
import type { BioBlock } from "./schemas";
import { themeContrastErrors } from "./themes";

/**
 * The short link behind a URL button: made for it on first publish, kept
 * with the block (BioBlock.linkId) and pointed at the new URL when it changes.
 */
async function ownLinkFor(tx: Tx, access: WorkspaceAccess, block: Extract<BioBlock, { type: "link" }>, previous: string | null, touched: { domain: string; slug: string }[]): Promise<string> {
  if (previous) {
    const link = await tx.link.findFirst({ where: { id: previous, workspaceId: access.workspace.id }, select: { id: true, url: true, domain: true, slug: true } });
    if (link) {
      if (link.url !== block.url) {
        await tx.link.update({ where: { id: link.id }, data: { url: block.url! } });
        touched.push(link);
      }
      return link.id;
    }
  }
  const fields = createLinkSchema.parse({ url: block.url, title: `Bio page button: ${block.label}`.slice(0, 200) });
  for (let attempt = 0; ; attempt++) {
    const slug = randomSlug();
    const taken = await tx.link.findFirst({ where: { slug }, select: { id: true } });
    if (!taken) {
      const id = await insertLink(tx, access, fields, slug);
      touched.push(await tx.link.findUniqueOrThrow({ where: { id }, select: { domain: true, slug: true } }));
      return id;
    }
    if (attempt > 5) throw new AppError("conflict", "Could not find a free short link for a button; try again.");
  }
}

/** Makes the draft the live page, in one transaction; a theme that fails WCAG AA cannot be published. */
export async function publishBioPage(access: WorkspaceAccess, id: string) {
  const workspaceId = access.workspace.id;
  const touched: { domain: string; slug: string }[] = [];
  const row = await db().$transaction(async (tx) => {
    const current = await findBioPageRow(tx, workspaceId, id);
    const draft = draftOf(current);
    const contrast = themeContrastErrors(draft.theme);
    if (Object.keys(contrast).length) throw new AppError("unprocessable", "Some colours are too hard to read; fix them before publishing.", { fields: contrast });
    // A draft saved before this rule, or a domain added since: named on the block, as a save would.
    await checkButtonDestinations(tx, draft.blocks);
    const previous = new Map((await tx.bioBlock.findMany({ where: { bioPageId: id }, select: { id: true, linkId: true, data: true } })).map((b) => [b.id, b]));
    const rows = [];
    for (const [position, block] of draft.blocks.entries()) {
      let linkId: string | null = null;
      if (block.type === "link") {
        const prev = previous.get(block.id);
        const prevOwn = prev && !(prev.data as { linkId?: string | null }).linkId ? prev.linkId : null;
        linkId = block.linkId ?? (await ownLinkFor(tx, access, block, prevOwn, touched));
      }
      rows.push({ id: block.id, bioPageId: id, type: block.type, position, data: blockData(block), linkId });
    }
    await tx.bioBlock.deleteMany({ where: { bioPageId: id } });
    try {
      if (rows.length) await tx.bioBlock.createMany({ data: rows });
    } catch (err) {
      // Two pages' drafts proposed the same new block id and the other published first.
      if (isUniqueViolation(err)) throw new AppError("conflict", "Another page took one of this page's new block ids a moment ago. Reload the editor and publish again.");
      throw err;
    }
    return tx.bioPage.update({
      where: { id },
      data: { title: draft.title, bio: draft.bio, avatar: draft.avatarId, theme: asJson(draft.theme), published: true, publishedAt: new Date(), draft: asJson(draft) },
      select: bioPageSelect,
    });
  });
  await invalidateLinks(touched);
  await invalidateBioPages(await pageCacheKeys(id));
  return presentBioPage(row);
}

/** Throws the draft away: the editor shows the live page again. */
export async function discardBioDraft(access: WorkspaceAccess, id: string) {
  const row = await db().$transaction(async (tx) => {
    const current = await findBioPageRow(tx, access.workspace.id, id);
    return tx.bioPage.update({ where: { id }, data: { draft: current.published ? asJson(liveDocument(current)) : current.draft ?? undefined }, select: bioPageSelect });
  });
  return presentBioPage(row);
}

/** Takes the page offline (404 for visitors); the draft stays. */
export async function unpublishBioPage(access: WorkspaceAccess, id: string) {
  const row = await db().$transaction(async (tx) => {
    const current = await findBioPageRow(tx, access.workspace.id, id);
    return tx.bioPage.update({ where: { id }, data: { published: false, draft: asJson(draftOf(current)) }, select: bioPageSelect });
  });
  await invalidateBioPages(await pageCacheKeys(id));
  return presentBioPage(row);
}
