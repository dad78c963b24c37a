import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db, type Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { linkInclude, presentLink } from "@/lib/links/present-link";
import { presentCampaign } from "./present-campaign";
import type { CampaignDetailOutput } from "./schemas";

/** A campaign of this workspace; another workspace's id is "not found", like a missing one. */
export async function findCampaignRow(tx: Tx, workspaceId: string, id: string) {
  const row = await tx.campaign.findFirst({ where: { id, workspaceId } });
  if (!row) throw notFound("Campaign not found");
  return row;
}

/** The campaign with its links, most clicked first, and their clicks so far. */
export async function getCampaign(access: WorkspaceAccess, id: string): Promise<CampaignDetailOutput> {
  const workspaceId = access.workspace.id;
  const row = await findCampaignRow(db(), workspaceId, id);
  const links = await db().link.findMany({
    where: { workspaceId, campaignId: row.id },
    include: linkInclude,
    orderBy: [{ clicks: "desc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const clicks = links.reduce((sum, l) => sum + l.clicks, 0);
  return { ...presentCampaign(row, { linkCount: links.length, clicks }), links: links.map(presentLink) };
}
