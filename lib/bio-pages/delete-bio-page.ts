import "server-only";
import { db } from "@/lib/db/client";
import { findBioPageRow } from "./get-bio-page";
import { invalidateBioPages } from "./page-cache";
import { aliasesOf } from "./publish-bio-page";

/** Deletes the page, its blocks, old handles and subscribers; a domain showing it at its bare address stops doing so. */
export async function deleteBioPage(workspaceId: string, id: string): Promise<void> {
  const row = await findBioPageRow(db(), workspaceId, id);
  const aliases = await aliasesOf(id);
  await db().$transaction([
    db().domain.updateMany({ where: { rootBioPageId: id }, data: { rootBioPageId: null } }),
    db().bioPage.delete({ where: { id } }),
  ]);
  await invalidateBioPages([row.handle, ...aliases]);
}
