import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { presentChannel, updateChannelSchema, type UpdateChannelInput } from "./schemas";

/**
 * Changes a channel's name, kind or UTM presets. Links made before keep their
 * UTM values; the kind applies to analytics at once.
 */
export async function updateChannel(access: WorkspaceAccess, id: string, input: UpdateChannelInput) {
  const fields = updateChannelSchema.parse(input);
  const workspaceId = access.workspace.id;
  return db().$transaction(async (tx) => {
    const current = await tx.channel.findFirst({ where: { id, workspaceId }, select: { id: true } });
    if (!current) throw notFound("Channel not found");
    return presentChannel(await tx.channel.update({ where: { id: current.id }, data: fields }));
  });
}
