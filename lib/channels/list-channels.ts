import "server-only";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { DEFAULT_CHANNELS } from "./default-channels";
import { presentChannel, type ChannelOutput } from "./schemas";

const SEEDED_FLAG = "channelsSeeded";

/**
 * Gives a workspace the default channels the first time its channels are
 * read. Safe when two reads race: each row is its own insert, the unique
 * (workspaceId, key) index turns the loser's insert into a no-op, and both
 * reads return only once every default exists. A flag in the workspace
 * settings, set afterwards, keeps deleted defaults from coming back.
 */
export async function ensureDefaultChannels(workspaceId: string): Promise<void> {
  const ws = await db().workspace.findUnique({ where: { id: workspaceId }, select: { settings: true } });
  const settings = ws?.settings && typeof ws.settings === "object" && !Array.isArray(ws.settings) ? (ws.settings as Record<string, unknown>) : {};
  if (!ws || settings[SEEDED_FLAG]) return;
  for (const [position, channel] of DEFAULT_CHANNELS.entries()) {
    try {
      await db().channel.create({ data: { workspaceId, position, ...channel } });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  await db().workspace.update({ where: { id: workspaceId }, data: { settings: { ...settings, [SEEDED_FLAG]: true } } });
}

/** The workspace's channels in their order, the defaults created on first read. */
export async function listChannels(workspaceId: string): Promise<ChannelOutput[]> {
  await ensureDefaultChannels(workspaceId);
  const rows = await db().channel.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
  return rows.map(presentChannel);
}
