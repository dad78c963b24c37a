import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";

export interface TagOption {
  id: string;
  name: string;
}

/** The workspace's tags, sorted by name: the names for the tag filter, the ids for a tag's analytics view. */
export async function listTags(access: WorkspaceAccess): Promise<TagOption[]> {
  return db().tag.findMany({ where: { workspaceId: access.workspace.id }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
