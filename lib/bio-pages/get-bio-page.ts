import "server-only";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { bioPageSelect, presentBioPage, type BioPageRow } from "./present-bio-page";

/** The page with this id in the workspace; another workspace's page answers like a missing one. */
export async function findBioPageRow(tx: Tx | ReturnType<typeof db>, workspaceId: string, id: string): Promise<BioPageRow> {
  const row = await tx.bioPage.findFirst({ where: { id, workspaceId }, select: bioPageSelect });
  if (!row) throw notFound("Bio page not found");
  return row;
}

export async function getBioPage(workspaceId: string, id: string) {
  return presentBioPage(await findBioPageRow(db(), workspaceId, id));
}
