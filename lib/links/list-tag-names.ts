import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";

/** The names of the workspace's tags, for the tag filter. */
export async function listTagNames(access: WorkspaceAccess): Promise<string[]> {
  const workspaceId = access.workspace.id;
  const tags = await db().tag.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { name: true } });
  return tags.map((t) => t.name);
}
