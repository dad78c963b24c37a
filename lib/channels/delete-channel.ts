import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** Deletes a channel; its links stay, with their UTM values, and belong to no channel. */
export async function deleteChannel(access: WorkspaceAccess, id: string): Promise<void> {
  const workspaceId = access.workspace.id;
  const { count } = await db().channel.deleteMany({ where: { id, workspaceId } });
  if (count === 0) throw notFound("Channel not found");
}
