import "server-only";
import { db } from "@/lib/db/client";

/** The workspace's channels as names for display (link rows); reads only. */
export function listChannelOptions(workspaceId: string): Promise<{ id: string; name: string }[]> {
  return db().channel.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}
