"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/auth/guards";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { deleteCampaign } from "@/lib/campaigns/delete-campaign";
import { createChannelLinkSet } from "@/lib/campaigns/create-channel-link-set";
import type { ChannelLinkSetInput, CreateCampaignInput, UpdateCampaignInput } from "@/lib/campaigns/schemas";
import type { LinkOutput } from "@/lib/links/schemas";

// Thin: each action authorizes through workspaceAction and calls one lib/ function.

export async function createCampaignAction(slug: string, input: CreateCampaignInput): Promise<ActionResult<{ id: string }>> {
  const result = await workspaceAction(slug, "campaigns.write", async (access) => ({ id: (await createCampaign(access, input)).id }));
  if (result.ok) redirect(`/w/${slug}/campaigns/${result.data.id}`);
  return result;
}

export async function updateCampaignAction(slug: string, id: string, input: UpdateCampaignInput): Promise<ActionResult> {
  return workspaceAction(slug, "campaigns.write", async (access) => void (await updateCampaign(access, id, input)));
}

export async function deleteCampaignAction(slug: string, id: string): Promise<ActionResult> {
  const result = await workspaceAction(slug, "campaigns.write", (access) => deleteCampaign(access, id));
  if (result.ok) redirect(`/w/${slug}/campaigns`);
  return result;
}

export async function createChannelLinkSetAction(slug: string, id: string, input: ChannelLinkSetInput): Promise<ActionResult<LinkOutput[]>> {
  return workspaceAction(slug, "campaigns.write", (access) => createChannelLinkSet(access, id, input));
}
