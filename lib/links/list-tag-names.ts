import "server-only";
import { db } from "@/lib/db/client";

/** The names of the workspace's tags, for the tag filter. */
export async function listTagNames(workspaceId: string): Promise<string[]> {
  const tags = await db().tag.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { name: true } });
  return tags.map((t) => t.name);
}
