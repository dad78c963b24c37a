// A link edit for the analytics benches: one link's campaign moved to another
// and back (two changes in the link map's log), so the map's version moves
// while the rollups stay current. Import it after DATABASE_URL is set.
import { db } from "@/lib/db/client";

/** An edit of one of the workspace's links that leaves every figure as it was. */
export async function linkEditor(workspaceId: string): Promise<() => Promise<void>> {
  const edited = await db().link.findFirstOrThrow({ where: { workspaceId, campaignId: { not: null } }, orderBy: { id: "desc" } });
  const elsewhere = await db().campaign.findFirstOrThrow({ where: { workspaceId, id: { not: edited.campaignId! } } });
  return async () => {
    await db().link.update({ where: { id: edited.id }, data: { campaignId: elsewhere.id } });
    await db().link.update({ where: { id: edited.id }, data: { campaignId: edited.campaignId } });
  };
}
