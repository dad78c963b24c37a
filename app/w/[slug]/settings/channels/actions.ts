"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction, type ActionResult } from "@/lib/auth/guards";
import { createChannel } from "@/lib/channels/create-channel";
import { updateChannel } from "@/lib/channels/update-channel";
import { deleteChannel } from "@/lib/channels/delete-channel";
import type { CreateChannelInput, UpdateChannelInput } from "@/lib/channels/schemas";

export async function createChannelAction(slug: string, input: CreateChannelInput): Promise<ActionResult> {
  const result = await workspaceAction(slug, "channels.manage", async (access) => {
    await createChannel(access, input);
  });
  if (result.ok) revalidatePath(`/w/${slug}/settings/channels`);
  return result;
}

export async function updateChannelAction(slug: string, id: string, input: UpdateChannelInput): Promise<ActionResult> {
  const result = await workspaceAction(slug, "channels.manage", async (access) => {
    await updateChannel(access, id, input);
  });
  if (result.ok) revalidatePath(`/w/${slug}/settings/channels`);
  return result;
}

export async function deleteChannelAction(slug: string, id: string): Promise<ActionResult> {
  const result = await workspaceAction(slug, "channels.manage", (access) => deleteChannel(access.workspace.id, id));
  if (result.ok) revalidatePath(`/w/${slug}/settings/channels`);
  return result;
}
