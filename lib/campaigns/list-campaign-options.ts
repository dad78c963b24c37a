import "server-only";
import { db } from "@/lib/db/client";

export interface CampaignOption {
  id: string;
  name: string;
}

/** The workspace's campaigns as choices for a select (link form, bulk move, filters). */
export function listCampaignOptions(workspaceId: string): Promise<CampaignOption[]> {
  return db().campaign.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
