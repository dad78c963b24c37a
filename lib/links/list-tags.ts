import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";

/** The names of the workspace's tags, for the tag filter. */
export async function listTagNames(access: WorkspaceAccess): Promise<string[]> {
  const workspaceId = access.workspace.id;
  const tags = await db().tag.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { name: true } });
  return tags.map((t) => t.name);
}

/** The id of the workspace's tag of this name (for its analytics view), or null when it has none. */
export async function findTagId(access: WorkspaceAccess, name: string): Promise<string | null> {
  const tag = await db().tag.findUnique({ where: { workspaceId_name: { workspaceId: access.workspace.id, name } }, select: { id: true } });
  return tag?.id ?? null;
}
