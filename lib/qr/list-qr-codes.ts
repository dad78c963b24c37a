import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { containsText } from "@/lib/db/text-search";
import { shortUrlOf } from "@/lib/links/domains";
import { qrScansOf } from "./link-qr";
import { listQrCodesQuerySchema, type ListQrCodesQuery } from "./schemas";
import { storedDesign } from "./stored-design";

/**
 * One page of the workspace's QR codes (links with a saved design), most
 * recently designed first, with their scans. `q` searches slug, title and
 * destination; pass `nextCursor` as `cursor` for the next page.
 */
export async function listQrCodes(access: WorkspaceAccess, query: ListQrCodesQuery = {}) {
  const { cursor, q, limit } = listQrCodesQuerySchema.parse(query);
  const workspaceId = access.workspace.id;
  const rows = await db().qrDesign.findMany({
    where: {
      workspaceId,
      isPreset: false,
      linkId: { not: null },
      link: { is: { workspaceId, ...(q ? { OR: [{ slug: containsText(q) }, { title: containsText(q) }, { url: containsText(q) }] } : {}) } },
    },
    select: { id: true, options: true, updatedAt: true, link: { select: { id: true, domain: true, slug: true, title: true, url: true } } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  const scans = await qrScansOf(workspaceId, page.flatMap((r) => (r.link ? [r.link.id] : [])));
  // Which of them have a logo of their own, without loading the images.
  const withLogo = new Set(
    (await db().qrDesign.findMany({ where: { id: { in: page.map((r) => r.id) }, logo: { not: null } }, select: { id: true } })).map((r) => r.id),
  );
  const data = page.flatMap((r) => {
    if (!r.link) return [];
    const design = storedDesign(r.options);
    return [
      {
        linkId: r.link.id,
        shortUrl: shortUrlOf(r.link.domain, r.link.slug),
        slug: r.link.slug,
        title: r.link.title,
        url: r.link.url,
        design,
        hasOwnLogo: withLogo.has(r.id),
        scans: scans.get(r.link.id) ?? 0,
        updatedAt: r.updatedAt.toISOString(),
      },
    ];
  });
  return { data, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
