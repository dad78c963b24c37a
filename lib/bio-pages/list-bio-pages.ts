import "server-only";
import { db } from "@/lib/db/client";
import { bioPageSelect, presentBioPage } from "./present-bio-page";

/** The workspace's pages, newest first. */
export async function listBioPages(workspaceId: string) {
  const rows = await db().bioPage.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" }, select: bioPageSelect, take: 500 });
  return { data: rows.map(presentBioPage) };
}
