import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";

/** The workspace's channels as names for display (link rows); reads only. */
export function listChannelOptions(access: WorkspaceAccess): Promise<{ id: string; name: string }[]> {
  return db().channel.findMany({ where: { workspaceId: access.workspace.id }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}
