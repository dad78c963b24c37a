import "server-only";
import { db } from "@/lib/db/client";
import { domainRootKey } from "./page-cache";

/**
 * Every cache key a page is served under: its handle, its old handles, and
 * the bare addresses of the branded domains that show it. Read before a
 * change that may clear them (a delete) and handed to invalidateBioPages after.
 */
export async function pageCacheKeys(pageId: string): Promise<string[]> {
  const [page, aliases, domains] = await Promise.all([
    db().bioPage.findUnique({ where: { id: pageId }, select: { handle: true } }),
    db().bioHandleAlias.findMany({ where: { bioPageId: pageId }, select: { handle: true } }),
    db().domain.findMany({ where: { rootBioPageId: pageId }, select: { hostname: true } }),
  ]);
  return [...(page ? [page.handle] : []), ...aliases.map((a) => a.handle), ...domains.map((d) => domainRootKey(d.hostname))];
}
