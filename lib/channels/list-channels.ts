import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { presentChannel, type ChannelOutput } from "./schemas";

/** The workspace's channels in their order (the defaults come with the workspace). */
export async function listChannels(access: WorkspaceAccess): Promise<ChannelOutput[]> {
  const workspaceId = access.workspace.id;
  const rows = await db().channel.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
  return rows.map(presentChannel);
}
