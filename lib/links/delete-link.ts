import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { invalidateLinks } from "@/lib/redirect/redirect-cache";

export const deleteLinksSchema = z.object({
  ids: z.array(z.string().max(40)).min(1, "Select at least one link.").max(100, "Delete at most 100 links at once."),
});

export type DeleteLinksInput = z.input<typeof deleteLinksSchema>;

async function deleteLinkRows(workspaceId: string, ids: string[]): Promise<number> {
  const links = await db().link.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, domain: true, slug: true } });
  const { count } = await db().link.deleteMany({ where: { workspaceId, id: { in: links.map((l) => l.id) } } });
  await invalidateLinks(links);
  return count;
}

/**
 * Deletes up to 100 links of this workspace at once (more is refused, for the
 * API and the UI alike); ids of other workspaces are ignored, like missing ones.
 */
export async function deleteLinks(access: WorkspaceAccess, input: DeleteLinksInput): Promise<number> {
  const { ids } = deleteLinksSchema.parse(input);
  return deleteLinkRows(access.workspace.id, ids);
}

export async function deleteLink(access: WorkspaceAccess, id: string): Promise<void> {
  if ((await deleteLinkRows(access.workspace.id, [id])) === 0) throw notFound("Link not found");
}
