import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { createLink } from "./create-link";
import { findLinkRow } from "./get-link";
import { presentLink } from "./present-link";

/** A copy of the link under a new random slug, password (hash) included. */
export async function duplicateLink(access: WorkspaceAccess, id: string) {
  const row = await findLinkRow(db(), access.workspace.id, id);
  const source = presentLink(row);
  const copy = await createLink(access, {
    url: source.url,
    domain: source.domain,
    title: source.title ? `${source.title} (copy)` : null,
    description: source.description,
    tags: source.tags,
    campaignId: source.campaignId,
    channelId: source.channelId,
    utm: source.utm,
    // A copy is a new link: an expiry that has passed is not carried over (it would be refused).
    expiresAt: source.expiresAt && new Date(source.expiresAt).getTime() > Date.now() ? source.expiresAt : null,
    expiredUrl: source.expiredUrl,
    maxClicks: source.maxClicks,
    disabled: source.disabled,
    redirectType: source.redirectType as 301 | 302 | 307 | 308,
    forwardQuery: source.forwardQuery,
    ios: source.ios,
    android: source.android,
    geo: source.geo,
    og: source.og,
    notes: source.notes,
  });
  if (!row.passwordHash) return copy;
  await db().link.update({ where: { id: copy.id }, data: { passwordHash: row.passwordHash } });
  return { ...copy, hasPassword: true };
}
