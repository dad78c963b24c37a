import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { presentCampaign } from "./present-campaign";
import type { CampaignOutput } from "./schemas";

/** The workspace's campaigns, newest first, each with its link count and clicks. */
export async function listCampaigns(access: WorkspaceAccess): Promise<CampaignOutput[]> {
  const workspaceId = access.workspace.id;
  const rows = await db().campaign.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  if (rows.length === 0) return [];
  const stats = await db().link.groupBy({
    by: ["campaignId"],
    where: { workspaceId, campaignId: { in: rows.map((r) => r.id) } },
    _count: { _all: true },
    _sum: { clicks: true },
  });
  const byId = new Map(stats.map((s) => [s.campaignId, { linkCount: s._count._all, clicks: s._sum.clicks ?? 0 }]));
  return rows.map((r) => presentCampaign(r, byId.get(r.id) ?? { linkCount: 0, clicks: 0 }));
}
