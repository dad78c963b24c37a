import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { presentTag, tagSelect } from "./present-tag";

/** A workspace's tags, by name, each with how many links carry it. */
export async function listTags(access: WorkspaceAccess) {
  const workspaceId = access.workspace.id;
  const rows = await db().tag.findMany({ where: { workspaceId }, select: tagSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map(presentTag);
}
