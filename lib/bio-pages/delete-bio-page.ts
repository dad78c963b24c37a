import "server-only";
import { db } from "@/lib/db/client";
import { pageCacheKeys } from "./cache-keys";
import { findBioPageRow } from "./get-bio-page";
import { invalidateBioPages } from "./page-cache";

/** Deletes the page, its blocks, old handles and subscribers; a domain showing it at its bare address stops doing so. */
export async function deleteBioPage(workspaceId: string, id: string): Promise<void> {
  await findBioPageRow(db(), workspaceId, id);
  const keys = await pageCacheKeys(id);
  await db().$transaction([
    db().domain.updateMany({ where: { rootBioPageId: id }, data: { rootBioPageId: null } }),
    db().bioPage.delete({ where: { id } }),
  ]);
  await invalidateBioPages(keys);
}
