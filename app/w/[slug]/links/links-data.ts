import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { listCampaignOptions } from "@/lib/campaigns/list-campaign-options";
import { listMembers } from "@/lib/members/list-members";
import { bulkUpdateLinksAction, createLinkAction, deleteLinkAction, deleteLinksAction, duplicateLinkAction, listLinksAction, updateLinkAction } from "./actions";

export const linkActions = {
  create: createLinkAction,
  update: updateLinkAction,
  duplicate: duplicateLinkAction,
  remove: deleteLinkAction,
  removeMany: deleteLinksAction,
  bulkUpdate: bulkUpdateLinksAction,
  list: listLinksAction,
};

export async function campaignAndCreatorOptions(access: WorkspaceAccess) {
  const [campaigns, members] = await Promise.all([listCampaignOptions(access), listMembers(access)]);
  return { campaigns, creators: members.map((m) => ({ id: m.user.id, name: m.user.name || m.user.email })) };
}
