import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** Deletes a tag and takes it off every link; the links themselves stay. */
export async function deleteTag(access: WorkspaceAccess, id: string): Promise<void> {
  const workspaceId = access.workspace.id;
  const { count } = await db().tag.deleteMany({ where: { id, workspaceId } });
  if (count === 0) throw notFound("Tag not found");
}
