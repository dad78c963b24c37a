import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { invalidateLinks } from "@/lib/redirect/link-cache";

/** Deletes links of this workspace; ids of other workspaces are ignored, like missing ones. */
export async function deleteLinks(workspaceId: string, ids: string[]): Promise<number> {
  const links = await db().link.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, domain: true, slug: true } });
  const { count } = await db().link.deleteMany({ where: { workspaceId, id: { in: links.map((l) => l.id) } } });
  await invalidateLinks(links);
  return count;
}

export async function deleteLink(workspaceId: string, id: string): Promise<void> {
  if ((await deleteLinks(workspaceId, [id])) === 0) throw notFound("Link not found");
}
