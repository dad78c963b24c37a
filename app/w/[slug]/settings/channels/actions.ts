"use server";

import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/auth/guards";
import { createChannel } from "@/lib/channels/create-channel";
import { updateChannel } from "@/lib/channels/update-channel";
import { deleteChannel } from "@/lib/channels/delete-channel";
import type { CreateChannelInput, UpdateChannelInput } from "@/lib/channels/schemas";

// Thin: each action authorizes through workspaceAction and calls one lib/ function.

export async function createChannelAction(slug: string, input: CreateChannelInput): Promise<ActionResult> {
  return workspaceAction(slug, "channels.manage", async (access) => void (await createChannel(access, input)));
}

export async function updateChannelAction(slug: string, id: string, input: UpdateChannelInput): Promise<ActionResult> {
  return workspaceAction(slug, "channels.manage", async (access) => void (await updateChannel(access, id, input)));
}

export async function deleteChannelAction(slug: string, id: string): Promise<ActionResult> {
  return workspaceAction(slug, "channels.manage", (access) => deleteChannel(access, id));
}
