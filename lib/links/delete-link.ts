import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { invalidateLinks } from "@/lib/redirect/link-cache";

export const deleteLinksSchema = z.object({
  ids: z.array(z.string().max(40)).min(1, "Select at least one link.").max(100, "Delete at most 100 links at once."),
});

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
