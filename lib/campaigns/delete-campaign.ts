import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** Deletes a campaign; its links stay and simply belong to no campaign (SetNull in the schema). */
export async function deleteCampaign(access: WorkspaceAccess, id: string): Promise<void> {
  const workspaceId = access.workspace.id;
  const { count } = await db().campaign.deleteMany({ where: { id, workspaceId } });
  if (count === 0) throw notFound("Campaign not found");
}
