import "server-only";
import { db } from "@/lib/db/client";
import { shortUrlOf } from "@/lib/links/domains";
import type { RenderablePage, RenderBlock } from "./render-page";
import { blockFromRow } from "./documents";
import { themeOf } from "./documents";

export type LoadedHandle =
  | { kind: "page"; workspaceId: string; page: RenderablePage }
  | { kind: "moved"; to: string }
  | { kind: "missing" };

/** The marker the redirect reads to attribute a click to this page and block. */
export const bioMarker = (pageId: string, blockId: string) => `bio=${pageId}.${blockId}`;

/**
 * The live (published) page for a handle, a renamed handle's new name, or
 * missing. Unpublished pages answer missing, like unknown handles.
 */
export async function loadLivePage(handle: string): Promise<LoadedHandle> {
  const page = await loadPage({ handle });
  if (page) return page;
  const alias = await db().bioHandleAlias.findUnique({ where: { handle }, select: { bioPage: { select: { handle: true, published: true } } } });
  return alias?.bioPage.published ? { kind: "moved", to: alias.bioPage.handle } : { kind: "missing" };
}

/**
 * The live page a branded domain shows at its bare address (Settings →
 * Domains), or missing: no such domain, no page chosen, or the page is not
 * published (then the domain's other root choice answers).
 */
export async function loadDomainRootPage(hostname: string): Promise<LoadedHandle> {
  const domain = await db().domain.findUnique({ where: { hostname }, select: { workspaceId: true, rootBioPageId: true } });
  if (!domain?.rootBioPageId) return { kind: "missing" };
  const page = await loadPage({ id: domain.rootBioPageId, workspaceId: domain.workspaceId });
  return page ?? { kind: "missing" };
}

async function loadPage(where: { handle: string } | { id: string; workspaceId: string }): Promise<LoadedHandle | null> {
  const row = await db().bioPage.findFirst({
    where,
    select: {
      id: true, workspaceId: true, handle: true, title: true, bio: true, avatar: true, theme: true, published: true,
      blocks: { orderBy: { position: "asc" }, select: { id: true, type: true, data: true, link: { select: { domain: true, slug: true } } } },
    },
  });
  if (!row) return null;
  if (!row.published) return { kind: "missing" };
  const blocks: RenderBlock[] = row.blocks.map((b) => {
    const block = blockFromRow(b);
    return b.link ? { ...block, href: `${shortUrlOf(b.link.domain, b.link.slug)}?${bioMarker(row.id, b.id)}` } : block;
  });
  return {
    kind: "page",
    workspaceId: row.workspaceId,
    page: { id: row.id, handle: row.handle, title: row.title, bio: row.bio, avatarId: row.avatar, theme: themeOf(row.theme), blocks },
  };
}

/** A bio page image (PNG bytes) by its content hash. */
export async function loadBioImage(id: string): Promise<Buffer | null> {
  const row = await db().bioImage.findUnique({ where: { id }, select: { data: true } });
  return row ? Buffer.from(row.data) : null;
}
