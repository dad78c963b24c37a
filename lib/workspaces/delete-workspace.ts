import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { invalidateLinks } from "@/lib/redirect/link-cache";
import type { WorkspaceAccess } from "@/lib/auth/access";

/**
 * Deletes the workspace and everything in it (links, pages, clicks...).
 * The caller must type the slug to confirm; only owners hold workspace.delete.
 */
export async function deleteWorkspace(access: WorkspaceAccess, confirmation: string): Promise<void> {
  if (confirmation.trim().toLowerCase() !== access.workspace.slug) {
    throw new AppError("validation_failed", `Type "${access.workspace.slug}" to confirm.`, { fields: { confirm: `Type "${access.workspace.slug}" to confirm.` } });
  }
  const links = await db().link.findMany({ where: { workspaceId: access.workspace.id }, select: { domain: true, slug: true } });
  await db().workspace.delete({ where: { id: access.workspace.id } });
  // Its short links stop at once, here and on every instance.
  await invalidateLinks(links);
}
