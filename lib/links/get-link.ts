import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db, type Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { linkInclude, presentLink } from "./present-link";

/** A link of this workspace; another workspace's id is "not found", like a missing one. */
export async function findLinkRow(tx: Tx, workspaceId: string, id: string) {
  const row = await tx.link.findFirst({ where: { id, workspaceId }, include: linkInclude });
  if (!row) throw notFound("Link not found");
  return row;
}

export async function getLink(access: WorkspaceAccess, id: string) {
  const workspaceId = access.workspace.id;
  return presentLink(await findLinkRow(db(), workspaceId, id));
}
