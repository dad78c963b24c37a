import type { Db } from "@/lib/db/client";
import { redirectLinkSelect, toRedirectLink, type RedirectLink } from "./link-record";

/** Reads one link by domain and slug (the unique index), for the cache. */
export function linkLoader(db: Db) {
  return async (domain: string, slug: string): Promise<RedirectLink | null> => {
    const row = await db.link.findUnique({ where: { domain_slug: { domain, slug } }, select: redirectLinkSelect });
    return row ? toRedirectLink(row) : null;
  };
}
