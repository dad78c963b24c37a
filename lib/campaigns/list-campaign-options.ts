import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";

export interface CampaignOption {
  id: string;
  name: string;
}

/** The workspace's campaigns as choices for a select (link form, bulk move, filters). */
export function listCampaignOptions(access: WorkspaceAccess): Promise<CampaignOption[]> {
  const workspaceId = access.workspace.id;
  return db().campaign.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
