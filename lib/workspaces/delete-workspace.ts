import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { invalidateDomain, invalidateLinks } from "@/lib/redirect/redirect-cache";
import { domainRootKey, invalidateBioPages } from "@/lib/bio-pages/page-cache";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { deleteWorkspaceSchema, type DeleteWorkspaceInput } from "./schemas";

/**
 * Deletes the workspace and everything in it (links, pages, clicks...).
 * The caller must type the slug to confirm; only owners hold workspace.delete.
 */
export async function deleteWorkspace(access: WorkspaceAccess, input: DeleteWorkspaceInput): Promise<void> {
  const { confirm } = deleteWorkspaceSchema.parse(input);
  if (confirm.trim().toLowerCase() !== access.workspace.slug) {
    throw new AppError("validation_failed", `Type "${access.workspace.slug}" to confirm.`, { fields: { confirm: `Type "${access.workspace.slug}" to confirm.` } });
  }
  await purgeWorkspace(access.workspace.id);
}

/** Deletes a workspace with everything in it, whoever asks (callers check who may). */
export async function purgeWorkspace(workspaceId: string): Promise<void> {
  const links = await db().link.findMany({ where: { workspaceId }, select: { domain: true, slug: true } });
  // Clicks have no foreign key (see the schema), so they go by hand, after the
  // workspace row: deleting it first waits for a click writer that holds it,
  // and the click delete then sees that writer's rows too.
  // Every address a cache may hold for the workspace: its pages' handles, their
  // old handles, and its branded domains (their bare address may show a page).
  const [pages, aliases, domains] = await Promise.all([
    db().bioPage.findMany({ where: { workspaceId }, select: { handle: true } }),
    db().bioHandleAlias.findMany({ where: { bioPage: { workspaceId } }, select: { handle: true } }),
    db().domain.findMany({ where: { workspaceId }, select: { hostname: true } }),
  ]);
  await db().$transaction([
    db().workspace.delete({ where: { id: workspaceId } }),
    db().click.deleteMany({ where: { workspaceId } }),
    db().clickCube.deleteMany({ where: { workspaceId } }),
    db().clickDay.deleteMany({ where: { workspaceId } }),
    db().clickScopeDay.deleteMany({ where: { workspaceId } }),
    db().clickDayPack.deleteMany({ where: { workspaceId } }),
    db().clickPackLink.deleteMany({ where: { workspaceId } }),
    db().linkMapChange.deleteMany({ where: { workspaceId } }),
    db().clickScopeMonth.deleteMany({ where: { workspaceId } }),
    db().clickMonth.deleteMany({ where: { workspaceId } }),
    db().clickDayState.deleteMany({ where: { workspaceId } }),
    db().pageViewDay.deleteMany({ where: { workspaceId } }),
    db().pageViewDayState.deleteMany({ where: { workspaceId } }),
    // Bio page images have no foreign key either (content-addressed rows).
    db().bioImage.deleteMany({ where: { workspaceId } }),
  ]);
  // Its short links stop at once, here and on every instance.
  await invalidateLinks(links);
  await Promise.all(domains.map((d) => invalidateDomain(d.hostname)));
  await invalidateBioPages([...pages.map((p) => p.handle), ...aliases.map((a) => a.handle), ...domains.map((d) => domainRootKey(d.hostname))]);
}
