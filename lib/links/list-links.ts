import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { containsText } from "@/lib/db/text-search";
import { linkInclude, presentLink } from "./present-link";
import { listLinksQuerySchema, type ListLinksQuery } from "./schemas";

/**
 * One page of a workspace's links, newest (or most clicked) first, with a
 * cursor for the next page. Archived links show only when asked for.
 */
export async function listLinks(access: WorkspaceAccess, query: ListLinksQuery) {
  const workspaceId = access.workspace.id;
  const q = listLinksQuerySchema.parse(query);
  const now = new Date();
  const link = db().link;
  const notExpired = { AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, { OR: [{ maxClicks: null }, { clicks: { lt: link.fields.maxClicks } }] }] };
  const expired = { OR: [{ expiresAt: { lte: now } }, { clicks: { gte: link.fields.maxClicks } }] };
  const status = {
    active: { disabled: false, archived: false, ...notExpired },
    expired: { disabled: false, archived: false, ...expired },
    disabled: { disabled: true, archived: false },
    archived: { archived: true },
  } as const;
  const where = {
    workspaceId,
    ...(q.status ? status[q.status] : { archived: false }),
    ...(q.campaignId ? { campaignId: q.campaignId } : {}),
    ...(q.createdById ? { createdById: q.createdById } : {}),
    ...(q.tag ? { tags: { some: { tag: { name: q.tag } } } } : {}),
    ...(q.search ? { OR: [{ slug: containsText(q.search) }, { url: containsText(q.search) }, { title: containsText(q.search) }] } : {}),
  };
  const rows = await link.findMany({
    where,
    include: linkInclude,
    orderBy: q.sort === "clicks" ? [{ clicks: "desc" }, { id: "desc" }] : [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, q.limit);
  return { data: page.map(presentLink), nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}
